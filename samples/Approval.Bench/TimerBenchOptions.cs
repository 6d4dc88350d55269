namespace Approval.Bench;

/// <summary>The <c>timers</c> verb's options; the database ones are shared with the <c>engine</c> verb.</summary>
public sealed record TimerBenchOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    /// <summary>Far-future timers loaded before measuring; they must all stay pending.</summary>
    public int Pending { get; init; } = 100_000;

    /// <summary>Timers that fall due during the run; their lag is measured.</summary>
    public int Probes { get; init; } = 500;

    /// <summary>The probes fall due evenly over this many seconds, after <see cref="LeadSeconds"/>.</summary>
    public int SpreadSeconds { get; init; } = 60;

    /// <summary>Seconds from starting the probes to the first one falling due, so the relay has handed them all to Quartz.</summary>
    public int LeadSeconds { get; init; } = 10;

    public int Concurrency { get; init; } = 16;

    public int TimeoutSeconds { get; init; } = 3_600;

    public static TimerBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TimerBenchOptions();
        var database = new BenchArguments(args).Parse(a =>
        {
            switch (a.Name)
            {
                case "--pending": options = options with { Pending = a.Count(0, 10_000_000) }; return true;
                case "--probes": options = options with { Probes = a.Count(1, 100_000) }; return true;
                case "--spread-seconds": options = options with { SpreadSeconds = a.Count(0, 86_400) }; return true;
                case "--lead-seconds": options = options with { LeadSeconds = a.Count(1, 3_600) }; return true;
                case "--concurrency": options = options with { Concurrency = a.Count(1, 1024) }; return true;
                case "--timeout-seconds": options = options with { TimeoutSeconds = a.Count(1, 86_400) }; return true;
                default: return false;
            }
        });
        return options with { Database = database };
    }
}
