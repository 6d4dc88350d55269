using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Engine.Audit;
using Approval.Engine.Time;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>The simulated clock's offset in a one-row table.</summary>
public sealed class EfSimulatedClockStore(EngineDbContextFactory contexts, SqliteWriteGate gate, TimeProvider time) : ISimulatedClockStore
{
    private const int RowId = 1;

    public async Task<TimeSpan> ReadOffsetAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var ticks = await db.SimulatedClock.AsNoTracking().Where(c => c.Id == RowId).Select(c => (long?)c.OffsetTicks).FirstOrDefaultAsync(cancellationToken);
        return TimeSpan.FromTicks(ticks ?? 0);
    }

    public async Task<TimeSpan> AdvanceAsync(TimeSpan delta, string by, CancellationToken cancellationToken)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Simulated time only moves forward.");
        }

        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var ticks = delta.Ticks;
        var before = await db.SimulatedClock.AsNoTracking().Where(c => c.Id == RowId).Select(c => (long?)c.OffsetTicks).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var updated = await db.SimulatedClock.Where(c => c.Id == RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OffsetTicks, c => c.OffsetTicks + ticks).SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.UpdatedBy, by), cancellationToken);
        if (updated == 0)
        {
            db.SimulatedClock.Add(new SimulatedClockRow { Id = RowId, OffsetTicks = ticks, UpdatedAt = now, UpdatedBy = by });
            await db.SaveChangesAsync(cancellationToken);
        }

        var offset = await db.SimulatedClock.AsNoTracking().Where(c => c.Id == RowId).Select(c => c.OffsetTicks).FirstAsync(cancellationToken);
        await AuditAppender.AppendAsync(db, contexts.Provider, new AuditRecord(AuditActions.ClockAdvance, "clock:simulated", by, Offset(before, now), Offset(offset, now)), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TimeSpan.FromTicks(offset);
    }

    /// <summary>An offset as the audit trail shows it: the offset and the simulated instant it made at the moment of the change.</summary>
    private static JsonObject Offset(long ticks, DateTimeOffset realNow) =>
        new() { ["offset"] = TimeSpan.FromTicks(ticks).ToString("c", CultureInfo.InvariantCulture), ["simulatedNow"] = (realNow + TimeSpan.FromTicks(ticks)).ToString("O", CultureInfo.InvariantCulture) };
}
