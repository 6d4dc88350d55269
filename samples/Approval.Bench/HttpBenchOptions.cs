using System.Globalization;

namespace Approval.Bench;

/// <summary>The <c>http</c> verb's options; the database ones are shared with the <c>engine</c> verb.</summary>
public sealed record HttpBenchOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    public int Applications { get; init; } = 500;

    public int Concurrency { get; init; } = 32;

    public int Warmup { get; init; } = 50;

    public string? HostDll { get; init; }

    public int TimeoutSeconds { get; init; } = 1_800;

    public static HttpBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HttpBenchOptions();
        var database = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Option '{name}' needs a value.");
            int Count(int min, int max)
            {
                var text = Value();
                return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new UsageException($"Option '{name}' needs a whole number from {min} to {max}, not '{text}'.");
            }

            switch (name)
            {
                case "--applications": options = options with { Applications = Count(1, 10_000_000) }; break;
                case "--concurrency": options = options with { Concurrency = Count(1, 1024) }; break;
                case "--warmup": options = options with { Warmup = Count(0, 1_000_000) }; break;
                case "--host-dll": options = options with { HostDll = Value() }; break;
                case "--timeout-seconds": options = options with { TimeoutSeconds = Count(1, 86_400) }; break;
                case "--provider" or "--connection":
                    database.Add(name);
                    database.Add(Value());
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
