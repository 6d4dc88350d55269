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
        var database = new BenchArguments(args).Parse(a =>
        {
            switch (a.Name)
            {
                case "--applications": options = options with { Applications = a.Count(1, 10_000_000) }; return true;
                case "--concurrency": options = options with { Concurrency = a.Count(1, 1024) }; return true;
                case "--warmup": options = options with { Warmup = a.Count(0, 1_000_000) }; return true;
                case "--host-dll": options = options with { HostDll = a.Value() }; return true;
                case "--timeout-seconds": options = options with { TimeoutSeconds = a.Count(1, 86_400) }; return true;
                default: return false;
            }
        });
        return options with { Database = database };
    }
}
