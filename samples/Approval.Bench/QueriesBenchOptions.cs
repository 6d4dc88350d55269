using System.Globalization;

namespace Approval.Bench;

/// <summary>The <c>queries</c> verb's options; the database ones are shared with the <c>engine</c> verb.</summary>
public sealed record QueriesBenchOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    public int Cases { get; init; } = 100_000;

    public int OpenTasks { get; init; } = 100_000;

    public int Queries { get; init; } = 200;

    public int TimeoutSeconds { get; init; } = 3_600;

    public static QueriesBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QueriesBenchOptions();
        var database = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            int Count(int min, int max)
            {
                var text = i + 1 < args.Count ? args[++i] : throw new UsageException($"Option '{name}' needs a value.");
                return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new UsageException($"Option '{name}' needs a whole number from {min} to {max}, not '{text}'.");
            }

            switch (name)
            {
                case "--cases": options = options with { Cases = Count(1, 100_000_000) }; break;
                case "--open-tasks": options = options with { OpenTasks = Count(0, 100_000_000) }; break;
                case "--queries": options = options with { Queries = Count(1, 1_000_000) }; break;
                case "--timeout-seconds": options = options with { TimeoutSeconds = Count(1, 86_400) }; break;
                case "--provider" or "--connection":
                    database.Add(name);
                    database.Add(i + 1 < args.Count ? args[++i] : throw new UsageException($"Option '{name}' needs a value."));
                    break;
                case "--recreate-database" or "--keep-database":
                    database.Add(name);
                    break;
                default: throw new UsageException($"Unknown option '{name}'.");
            }
        }

        return options with { Database = EngineBenchOptions.Parse(database) };
    }
}
