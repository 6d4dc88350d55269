using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>The <c>crash</c> verb's options; the database ones are shared with the <c>engine</c> verb.</summary>
public sealed record CrashOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    public int Applications { get; init; } = 1_000;

    public int Kills { get; init; } = 1;

    public int Concurrency { get; init; } = 32;

    public string? HostDll { get; init; }

    public int TimeoutSeconds { get; init; } = 1_800;

    public static CrashOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CrashOptions();
        var database = new BenchArguments(args).Parse(a =>
        {
            switch (a.Name)
            {
                case "--applications": options = options with { Applications = a.Count(8, 1_000_000) }; return true;
                case "--kills": options = options with { Kills = a.Count(1, 20) }; return true;
                case "--concurrency": options = options with { Concurrency = a.Count(1, 1024) }; return true;
                case "--host-dll": options = options with { HostDll = a.Value() }; return true;
                case "--timeout-seconds": options = options with { TimeoutSeconds = a.Count(1, 86_400) }; return true;
                default: return false;
            }
        });
        return options with { Database = database with { RecreateDatabase = database.RecreateDatabase || database.Provider == DatabaseProvider.PostgreSql } };
    }
}
