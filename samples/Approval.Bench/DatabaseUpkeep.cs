using Approval.Engine.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>What a database in service would have after a bulk load: fresh planner statistics and, on SQLite, a checkpointed WAL.</summary>
public static class DatabaseUpkeep
{
    public static async Task SettleAfterLoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<EngineDbContextFactory>();
        await using var db = factory.Create();
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
        else
        {
            // Autovacuum would get there on its own after a while; a benchmark should not depend on when.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", cancellationToken);
        }
    }

    /// <summary>Row counts of the engine's big tables; for the journal, its lines.</summary>
    public static async Task<(long Instances, long Journal, long WorkItems, long Versions)> CountAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        return (
            await db.Instances.LongCountAsync(cancellationToken),
            await db.JournalSegments.SumAsync(j => (long)(j.LastSequence - j.FirstSequence + 1), cancellationToken),
            await db.WorkItems.LongCountAsync(cancellationToken),
            await db.DefinitionVersions.LongCountAsync(cancellationToken));
    }
}
