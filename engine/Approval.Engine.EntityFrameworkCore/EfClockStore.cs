using Approval.Engine.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Clock rows, escalations and notifications on EF Core.</summary>
public sealed class EfClockStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : IClockStore
{
    public async Task<ClockRecord?> FindAsync(Guid instanceId, string clockName, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Clocks.AsNoTracking().FirstOrDefaultAsync(c => c.InstanceId == instanceId && c.Name == clockName, cancellationToken);
    }

    public async Task<IReadOnlyList<ClockRecord>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Clocks.AsNoTracking().Where(c => c.InstanceId == instanceId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClockRecord>> ListOpenForInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
        {
            return [];
        }

        await using var db = contexts.Create();
        return await db.Clocks.AsNoTracking().Where(c => instanceIds.Contains(c.InstanceId) && c.Status != ClockStatus.Stopped).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClockRecord>> ListDueForEscalationAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Clocks.AsNoTracking()
            .Where(c => c.Status == ClockStatus.Running && (
                (c.EscalatedLevel < WarningLevel.Yellow && c.YellowAt <= now) ||
                (c.EscalatedLevel < WarningLevel.Red && c.RedAt <= now) ||
                (c.EscalatedLevel < WarningLevel.Critical && c.CriticalAt <= now)))
            .OrderBy(c => c.YellowAt)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClockRecord>> ListAlertsAsync(WarningLevel? level, string? department, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        // Running and paused clocks are read apart, each in due-date order straight off the (department,) status, due
        // date index, so either read stops after `max` rows however many open clocks there are; then they are merged.
        await using var db = contexts.Create();
        var running = await Open(db, ClockStatus.Running, department).Where(RunningAt(level, now))
            .OrderBy(c => c.CommittedDueDate).ThenBy(c => c.InstanceId).Take(max).ToListAsync(cancellationToken);
        var paused = await Open(db, ClockStatus.Paused, department).Where(PausedAt(level))
            .OrderBy(c => c.CommittedDueDate).ThenBy(c => c.InstanceId).Take(max).ToListAsync(cancellationToken);
        return [.. running.Concat(paused).OrderBy(c => c.CommittedDueDate).ThenBy(c => c.InstanceId).Take(max)];
    }

    private static IQueryable<ClockRecord> Open(EngineDbContext db, ClockStatus status, string? department) =>
        department is null
            ? db.Clocks.AsNoTracking().Where(c => c.Status == status)
            : db.Clocks.AsNoTracking().Where(c => c.Department == department && c.Status == status);

    /// <summary>A running clock's level follows from the instants at which each level begins.</summary>
    private static System.Linq.Expressions.Expression<Func<ClockRecord, bool>> RunningAt(WarningLevel? level, DateTimeOffset now) => level switch
    {
        WarningLevel.Yellow => c => c.YellowAt <= now && c.RedAt > now,
        WarningLevel.Red => c => c.RedAt <= now && (c.CriticalAt == null || c.CriticalAt > now),
        WarningLevel.Critical => c => c.CriticalAt <= now,
        _ => c => c.YellowAt <= now,
    };

    /// <summary>A paused clock keeps the level it had when it paused.</summary>
    private static System.Linq.Expressions.Expression<Func<ClockRecord, bool>> PausedAt(WarningLevel? level) => level switch
    {
        WarningLevel.Yellow or WarningLevel.Red or WarningLevel.Critical => c => c.Level == level,
        _ => c => c.Level != WarningLevel.Normal,
    };

    public async Task<bool> TryRecordEscalationAsync(Escalation escalation, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var level = escalation.Level;

        // The usual repeat (the sweep after the job, a retry) is seen here; the unique index still decides a true tie,
        // and EF Core logs that losing insert as a failure, which is why it is worth avoiding.
        if (await db.Escalations.AnyAsync(e => e.InstanceId == escalation.InstanceId && e.ClockName == escalation.ClockName && e.Level == level, cancellationToken))
        {
            return false;
        }

        db.Escalations.Add(escalation);
        db.Notifications.AddRange(notifications);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // This clock and level escalated already (another host, a retry): the first one counts.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await db.Clocks.Where(c => c.InstanceId == escalation.InstanceId && c.Name == escalation.ClockName && c.EscalatedLevel < level)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalatedLevel, level), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Escalation>> ListEscalationsAsync(Guid? instanceId, string? department, DateTimeOffset? since, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Escalations.AsNoTracking();
        if (instanceId is { } id)
        {
            query = query.Where(e => e.InstanceId == id);
        }

        if (department is not null)
        {
            query = query.Where(e => e.Department == department);
        }

        if (since is { } from)
        {
            query = query.Where(e => e.EscalatedAt >= from);
        }

        return await query.OrderByDescending(e => e.EscalatedAt).ThenBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> ListNotificationsAsync(IReadOnlyList<string> recipients, bool unreadOnly, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Notifications.AsNoTracking().Where(n => recipients.Contains(n.Recipient));
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        return await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<bool> MarkNotificationReadAsync(Guid notificationId, IReadOnlyList<string> recipients, string readBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && recipients.Contains(n.Recipient), cancellationToken);
        if (notification is null)
        {
            return false;
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = at;
            notification.ReadBy = readBy;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyList<ClockRecord>> ListOpenAsync(int skip, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Clocks.AsNoTracking().Where(c => c.Status != ClockStatus.Stopped)
            .OrderBy(c => c.InstanceId).ThenBy(c => c.Name).Skip(skip).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<bool> RefreshAsync(ClockRecord record, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        var updated = await db.Clocks.Where(c => c.InstanceId == record.InstanceId && c.Name == record.Name && c.Sequence == record.Sequence)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.AcceptedOn, record.AcceptedOn)
                    .SetProperty(c => c.CommittedDueDate, record.CommittedDueDate)
                    .SetProperty(c => c.StatutoryDueDate, record.StatutoryDueDate)
                    .SetProperty(c => c.Level, record.Level)
                    .SetProperty(c => c.YellowAt, record.YellowAt)
                    .SetProperty(c => c.RedAt, record.RedAt)
                    .SetProperty(c => c.CriticalAt, record.CriticalAt)
                    .SetProperty(c => c.UpdatedAt, record.UpdatedAt),
                cancellationToken);
        return updated == 1;
    }

    public async Task<EscalationJobSet?> FindJobSetAsync(Guid instanceId, string clockName, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.EscalationJobs.AsNoTracking().FirstOrDefaultAsync(j => j.InstanceId == instanceId && j.ClockName == clockName, cancellationToken);
    }

    public async Task SaveJobSetAsync(EscalationJobSet jobs, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        var updated = await db.EscalationJobs.Where(j => j.InstanceId == jobs.InstanceId && j.ClockName == jobs.ClockName && j.Sequence <= jobs.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Sequence, jobs.Sequence).SetProperty(j => j.JobIds, jobs.JobIds).SetProperty(j => j.UpdatedAt, jobs.UpdatedAt), cancellationToken);
        if (updated == 0 && !await db.EscalationJobs.AnyAsync(j => j.InstanceId == jobs.InstanceId && j.ClockName == jobs.ClockName, cancellationToken))
        {
            db.EscalationJobs.Add(jobs);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Another relay saved this clock's jobs at the same moment; its set stands and the jobs re-read the clock anyway.
            }
        }
    }
}
