using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.EntityFrameworkCore;

public static class EngineStorageServiceCollectionExtensions
{
    /// <summary>Stores the engine's state in SQLite or PostgreSQL through EF Core.</summary>
    public static IServiceCollection AddApprovalEngineStorage(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPooledDbContextFactory<SqliteEngineDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor()));
                services.AddSingleton(sp => EngineDbContextFactory.From(sp.GetRequiredService<IDbContextFactory<SqliteEngineDbContext>>(), provider));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddPooledDbContextFactory<PostgresEngineDbContext>(o => o.UseNpgsql(connectionString));
                services.AddSingleton(sp => EngineDbContextFactory.From(sp.GetRequiredService<IDbContextFactory<PostgresEngineDbContext>>(), provider));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        services.AddSingleton(new SqliteWriteGate(provider));
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        services.AddSingleton<EngineDatabase>();
        return services;
    }
}
