using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteEngineDbContext</c> build the SQLite model.</summary>
public sealed class SqliteEngineDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresEngineDbContext</c> build the PostgreSQL model; no server is contacted.</summary>
public sealed class PostgresEngineDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=localhost;Database=approval_design").Options);
}
