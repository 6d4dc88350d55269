using System.Globalization;

namespace Approval.Bench;

/// <summary>Prints figures as <c>name=value</c> lines, one a line, numbers rounded to two places, invariant culture.</summary>
public sealed class FigureWriter(TextWriter output, string prefix = "")
{
    public void Print(string name, object value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}{name}={(value is double d ? Math.Round(d, 2).ToString(CultureInfo.InvariantCulture) : value)}"));

    /// <summary>The same output with names prefixed, e.g. <c>loaded.</c>.</summary>
    public FigureWriter WithPrefix(string more) => new(output, prefix + more);

    /// <summary>Throughput and latency percentiles of a run.</summary>
    public void PrintRun(LoadResult run)
    {
        var total = new LatencySummary(run.TotalMs);
        var start = new LatencySummary(run.StartMs);
        var complete = new LatencySummary(run.CompleteMs);
        Print("elapsed_s", run.Elapsed.TotalSeconds);
        Print("instances_per_second", run.InstancesPerSecond);
        Print("p50_ms", total.Percentile(50));
        Print("p90_ms", total.Percentile(90));
        Print("p99_ms", total.Percentile(99));
        Print("max_ms", total.Max);
        Print("start_p50_ms", start.Percentile(50));
        Print("start_p99_ms", start.Percentile(99));
        Print("complete_p50_ms", complete.Percentile(50));
        Print("complete_p99_ms", complete.Percentile(99));
    }
}
