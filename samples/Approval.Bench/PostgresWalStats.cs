using Approval.Engine.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>PostgreSQL's own WAL and transaction counters (pg_stat_wal, PostgreSQL 14+; pg_stat_database), to tell what a commit costs the server.</summary>
public sealed record PostgresWalStats(long Records, long Bytes, long FullPageImages, long Writes, long Syncs, double SyncMs, long Commits, long BlocksRead, long BlocksHit)
{
    /// <summary>The counters now, or null when the database is not PostgreSQL or the views are not readable.</summary>
    public static async Task<PostgresWalStats?> TakeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<EngineDbContextFactory>();
        if (factory.Provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }

        await using var db = factory.Create();
        try
        {
            var rows = await db.Database.SqlQueryRaw<PostgresWalStats>("""
                SELECT w.wal_records AS "Records", w.wal_bytes::bigint AS "Bytes", w.wal_fpi AS "FullPageImages",
                       w.wal_write AS "Writes", w.wal_sync AS "Syncs", w.wal_sync_time AS "SyncMs",
                       d.xact_commit AS "Commits", d.blks_read AS "BlocksRead", d.blks_hit AS "BlocksHit"
                FROM pg_stat_wal w, pg_stat_database d WHERE d.datname = current_database()
                """).ToListAsync(cancellationToken);
            return rows.SingleOrDefault();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return null;
        }
    }

    public static PostgresWalStats operator -(PostgresWalStats after, PostgresWalStats before) => new(
        after.Records - before.Records,
        after.Bytes - before.Bytes,
        after.FullPageImages - before.FullPageImages,
        after.Writes - before.Writes,
        after.Syncs - before.Syncs,
        after.SyncMs - before.SyncMs,
        after.Commits - before.Commits,
        after.BlocksRead - before.BlocksRead,
        after.BlocksHit - before.BlocksHit);
}
