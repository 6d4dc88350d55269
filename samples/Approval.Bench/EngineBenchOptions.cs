using System.Globalization;
using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>The options of the <c>engine</c> verb.</summary>
public sealed record EngineBenchOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Null for SQLite means a fresh temp file.</summary>
    public string? Connection { get; init; }

    public int Instances { get; init; } = 1000;

    public int Concurrency { get; init; } = 16;

    public int Warmup { get; init; } = 200;

    /// <summary>Warm-up also lasts at least this long, so tiered JIT has settled and the run measures a host that has been up
    /// for a while. After 15 s the JIT still compiled 1,200-4,800 methods during a PostgreSQL run (the database takes most
    /// of the CPU, so tiering up lags); after 45 s about 1,000-1,400, and the benchmark's own CPU per instance fell by a fifth.</summary>
    public int WarmupSeconds { get; init; } = 45;

    public int PreloadInstances { get; init; }

    public int PreloadVersions { get; init; } = 1;

    public bool RecreateDatabase { get; init; }

    /// <summary>Measure an empty and a preloaded database in the same process, in alternating rounds.</summary>
    public bool ComparePreload { get; init; }

    public int Rounds { get; init; } = 4;

    public bool KeepDatabase { get; init; }

    /// <summary>Count SQL commands and time store calls.</summary>
    public bool Trace { get; init; }

    public int TimeoutSeconds { get; init; } = 600;

    public static EngineBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EngineBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"Option '{name}' needs a value.");
                }

                return args[++i];
            }

            int Count(int min, int max)
            {
                var text = Value();
                if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                {
                    throw new UsageException($"Option '{name}' needs a whole number from {min} to {max}, not '{text}'.");
                }

                return n;
            }

            options = name switch
            {
                "--provider" => options with { Provider = ParseProvider(Value()) },
                "--connection" => options with { Connection = Value() },
                "--instances" => options with { Instances = Count(1, 10_000_000) },
                "--concurrency" => options with { Concurrency = Count(1, 1024) },
                "--warmup" => options with { Warmup = Count(0, 1_000_000) },
                "--warmup-seconds" => options with { WarmupSeconds = Count(0, 3_600) },
                "--preload-instances" => options with { PreloadInstances = Count(0, 100_000_000) },
                "--preload-versions" => options with { PreloadVersions = Count(1, 100_000) },
                "--recreate-database" => options with { RecreateDatabase = true },
                "--compare-preload" => options with { ComparePreload = true },
                "--rounds" => options with { Rounds = Count(1, 1_000) },
                "--keep-database" => options with { KeepDatabase = true },
                "--trace" => options with { Trace = true },
                "--timeout-seconds" => options with { TimeoutSeconds = Count(1, 86_400) },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        if (options.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.Connection))
        {
            throw new UsageException("--provider postgres needs --connection.");
        }

        if (options.ComparePreload && options.PreloadInstances == 0 && options.PreloadVersions == 1)
        {
            throw new UsageException("--compare-preload needs --preload-instances or --preload-versions: there is nothing to compare.");
        }

        if (options.ComparePreload && options.Instances < options.Rounds)
        {
            throw new UsageException("--compare-preload needs at least one instance per round (--instances >= --rounds).");
        }

        return options;
    }

    private static DatabaseProvider ParseProvider(string text) => text.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "pg" => DatabaseProvider.PostgreSql,
        _ => throw new UsageException($"Unknown provider '{text}'; use sqlite or postgres."),
    };
}
