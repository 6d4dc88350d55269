using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>The <c>cluster</c> verb's options: PostgreSQL only, since several hosts need one shared database.</summary>
public sealed record ClusterOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    public int Hosts { get; init; } = 2;

    public int Applications { get; init; } = 5_000;

    public int Concurrency { get; init; } = 32;

    public string? HostDll { get; init; }

    public int TimeoutSeconds { get; init; } = 3_600;

    public static ClusterOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ClusterOptions();
        var database = new BenchArguments(args).Parse(a =>
        {
            switch (a.Name)
            {
                case "--hosts": options = options with { Hosts = a.Count(1, 16) }; return true;
                case "--applications": options = options with { Applications = a.Count(8, 1_000_000) }; return true;
                case "--concurrency": options = options with { Concurrency = a.Count(1, 1024) }; return true;
                case "--host-dll": options = options with { HostDll = a.Value() }; return true;
                case "--timeout-seconds": options = options with { TimeoutSeconds = a.Count(1, 86_400) }; return true;
                default: return false;
            }
        });
        if (database.Provider != DatabaseProvider.PostgreSql && !args.Contains("--provider"))
        {
            database = database with { Provider = DatabaseProvider.PostgreSql };
        }

        if (database.Provider != DatabaseProvider.PostgreSql || string.IsNullOrWhiteSpace(database.Connection))
        {
            throw new UsageException("cluster needs PostgreSQL: --connection \"Host=...;Database=...\" (hosts share one database; SQLite cannot be shared).");
        }

        return options with { Database = database with { RecreateDatabase = true } };
    }
}
