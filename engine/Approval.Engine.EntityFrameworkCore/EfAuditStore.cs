using Approval.Engine.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Reads the audit table; its entries are written by the stores whose changes they record (<see cref="AuditAppender"/>).</summary>
public sealed class EfAuditStore(EngineDbContextFactory contexts) : IAuditStore
{
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > afterSequence).OrderBy(a => a.Sequence).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListRecentAsync(string? subjectPrefix, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(subjectPrefix))
        {
            query = query.Where(a => a.Subject.StartsWith(subjectPrefix));
        }

        return await query.OrderByDescending(a => a.Sequence).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ListInstanceIdsAsync(Guid? after, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Instances.AsNoTracking().Select(i => i.Id);
        if (after is { } last)
        {
            // Guids order differently on the two providers (text on SQLite, uuid on PostgreSQL), but each orders them consistently,
            // and paging only needs that.
            query = query.Where(id => id.CompareTo(last) > 0);
        }

        return await query.OrderBy(id => id).Take(max).ToListAsync(cancellationToken);
    }
}
