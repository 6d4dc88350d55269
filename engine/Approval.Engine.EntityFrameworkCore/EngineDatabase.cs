using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Brings the engine's schema up to date at start-up, with the migrations of the configured provider.</summary>
public sealed class EngineDatabase(EngineDbContextFactory contexts, ILogger<EngineDatabase> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        if (contexts.Provider == DatabaseProvider.Sqlite)
        {
            // WAL is a property of the file, so it is set once here rather than per connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} engine migration(s) on {Provider}: {Migrations}", pending.Count, contexts.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
