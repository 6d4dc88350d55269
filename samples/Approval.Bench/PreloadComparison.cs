using Approval.Engine.Definitions;

namespace Approval.Bench;

/// <summary>
/// Measures an empty database and a preloaded one in the same process, in alternating rounds, and prints how much more
/// an instance costs on the loaded one.
/// </summary>
/// <remarks>
/// On a small shared VM, throughput drifts by ±20% from one minute to the next for reasons the guest cannot see
/// (steal is not reported), which swamps a 1.5× question asked of two separate runs. Here both databases are served by
/// the same warmed-up process and measured in rounds ordered ABBA (empty, loaded, loaded, empty, ...), so drift falls
/// on both alike. <c>loaded_cost_ratio</c> is the empty side's instances per second over the loaded side's, over all
/// rounds; <c>loaded_cost_ratio_rounds</c> lists it per round to show the spread.
/// </remarks>
public static class PreloadComparison
{
    public static async Task RunAsync(EngineBenchOptions options, FigureWriter figures, CancellationToken ct)
    {
        using var emptyDatabase = await BenchDatabase.PrepareAsync(options, "empty", ct);
        using var loadedDatabase = await BenchDatabase.PrepareAsync(options, variant: null, ct);
        await using var emptyHost = await BenchHost.StartAsync(options.Provider, emptyDatabase.ConnectionString, timeStore: false, ct);
        await using var loadedHost = await BenchHost.StartAsync(options.Provider, loadedDatabase.ConnectionString, timeStore: false, ct);

        var empty = new Side("empty", emptyHost, figures.WithPrefix("empty."));
        var loaded = new Side("loaded", loadedHost, figures.WithPrefix("loaded."));
        empty.Figures.Print("database", emptyDatabase.Description);
        loaded.Figures.Print("database", loadedDatabase.Description);
        loaded.Version = await EngineBenchmark.SetUpAsync(loadedHost, options, loaded.Figures, ct);
        empty.Version = await EngineBenchmark.SetUpAsync(emptyHost, options with { PreloadInstances = 0, PreloadVersions = 1 }, empty.Figures, ct);
        foreach (var side in new[] { empty, loaded })
        {
            var counts = await DatabaseUpkeep.CountAsync(side.Host.Services, ct);
            side.Figures.Print("db_instances_before", counts.Instances);
            side.Figures.Print("db_journal_lines_before", counts.Journal);
            side.Figures.Print("db_definition_versions", counts.Versions);
        }

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var peakReset = ProcessMemory.TryResetPeak();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var perRound = options.Instances / options.Rounds;
        var cpuBefore = CpuSnapshot.Take();
        for (var round = 0; round < options.Rounds; round++)
        {
            // ABBA: empty first in rounds 0, 3, 4, 7, ...; loaded first in rounds 1, 2, 5, 6, ...
            var order = (round % 4) is 0 or 3 ? new[] { empty, loaded } : [loaded, empty];
            foreach (var side in order)
            {
                side.Rounds.Add(await LoadRunner.RunAsync(side.Host.Services, BenchFlow.MeasuredDefinitionId, perRound, options.Concurrency, $"{side.Name}-{round}", ct));
            }
        }

        var cpu = CpuSnapshot.Between(cpuBefore, CpuSnapshot.Take());
        var emptyRun = LoadResult.Combine(empty.Rounds);
        var loadedRun = LoadResult.Combine(loaded.Rounds);
        figures.Print("rounds", options.Rounds);
        figures.Print("instances_per_round", perRound);
        foreach (var (side, run) in new[] { (empty, emptyRun), (loaded, loadedRun) })
        {
            side.Figures.PrintRun(run);
            side.Figures.Print("rounds_instances_per_second", string.Join('/', side.Rounds.Select(r => Math.Round(r.InstancesPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        figures.Print("loaded_cost_ratio", emptyRun.InstancesPerSecond / loadedRun.InstancesPerSecond);
        figures.Print("loaded_cost_ratio_rounds", string.Join('/', empty.Rounds.Zip(loaded.Rounds, (e, l) => (e.InstancesPerSecond / l.InstancesPerSecond).ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        figures.Print("peak_rss_mb", ProcessMemory.PeakRssMiB());
        figures.Print("peak_rss_scope", peakReset ? "measurement, both databases in one process" : "whole-process");
        EngineBenchmark.PrintCpu(figures, cpu);

        foreach (var (side, run) in new[] { (empty, emptyRun), (loaded, loadedRun) })
        {
            foreach (var (name, value) in await RunVerifier.VerifyAsync(side.Host.Services, side.Version!, since, run, ct))
            {
                side.Figures.Print(name, value);
            }
        }

        figures.Print("verified", "true");
    }

    private sealed class Side(string name, BenchHost host, FigureWriter figures)
    {
        public string Name { get; } = name;

        public BenchHost Host { get; } = host;

        public FigureWriter Figures { get; } = figures;

        public DefinitionVersion? Version { get; set; }

        public List<LoadResult> Rounds { get; } = [];
    }
}
