using Approval.Engine.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Adds an audit entry to a context inside the caller's transaction, chained on the table's last entry.</summary>
/// <remarks>
/// One chain over the whole table, not one per subject: a deleted entry then always leaves a gap in the sequence, and
/// human actions outside instances are rare enough that serialising them costs nothing. Serialising is what keeps the
/// chain linear with several hosts: on PostgreSQL a transaction-scoped advisory lock is taken before the last entry is
/// read, so a second writer waits, then reads the entry the first one committed (read committed takes a fresh snapshot
/// per statement). On SQLite the process's write gate, held by every caller, does the same. The primary key on the
/// sequence is the backstop: two writers that still raced would collide rather than fork the chain.
/// </remarks>
internal static class AuditAppender
{
    /// <summary>An arbitrary constant naming the audit chain's lock among the database's advisory locks.</summary>
    private const long ChainLockKey = 0x417564697443; // "AuditC"

    /// <summary>Adds the entry to <paramref name="db"/>; the caller's <c>SaveChanges</c> and commit write it. The context must be in a transaction.</summary>
    public static async Task AppendAsync(EngineDbContext db, DatabaseProvider provider, AuditRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit entry is written in the transaction of the change it records; begin one first.");
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }

        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(AuditChain.Next(record, at, last?.Sequence ?? 0, last?.Hash));
    }
}
