using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Hands out contexts of whichever provider is configured, from the pooled factory of that provider's context.</summary>
public sealed class EngineDbContextFactory(Func<EngineDbContext> create, DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public EngineDbContext Create() => create();

    public static EngineDbContextFactory From<TContext>(IDbContextFactory<TContext> factory, DatabaseProvider provider)
        where TContext : EngineDbContext => new(factory.CreateDbContext, provider);
}

/// <summary>The databases the product runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
