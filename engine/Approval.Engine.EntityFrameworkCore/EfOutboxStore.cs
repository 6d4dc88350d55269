using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>The outbox on EF Core.</summary>
public sealed class EfOutboxStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Outbox.AsNoTracking()
            .Where(o => o.ProcessedAt == null && o.AvailableAt <= now)
            .OrderBy(o => o.AvailableAt)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public async Task MarkProcessedAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await db.Outbox.Where(o => o.Id == messageId && o.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAt, at).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken);
    }

    public async Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        var message = error.Length > 2000 ? error[..2000] : error;
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await db.Outbox.Where(o => o.Id == messageId && o.ProcessedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.LastError, message).SetProperty(o => o.AvailableAt, retryAt).SetProperty(o => o.Attempts, o => o.Attempts + 1),
                cancellationToken);
    }

    public async Task<int> PurgeProcessedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        return await db.Outbox.Where(o => o.ProcessedAt != null && o.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
