namespace Approval.Bench;

/// <summary>What a load run measured: per-instance latencies (start, complete, both) and the ids it created.</summary>
public sealed record LoadResult(TimeSpan Elapsed, double[] StartMs, double[] CompleteMs, double[] TotalMs, Guid[] InstanceIds)
{
    public int Count => InstanceIds.Length;

    public double InstancesPerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>Several runs as one: their instances together, their elapsed times added.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs) => new(
        TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
        [.. runs.SelectMany(r => r.StartMs)],
        [.. runs.SelectMany(r => r.CompleteMs)],
        [.. runs.SelectMany(r => r.TotalMs)],
        [.. runs.SelectMany(r => r.InstanceIds)]);
}
