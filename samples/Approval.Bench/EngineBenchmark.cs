using System.Diagnostics;
using System.Globalization;
using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>The <c>engine</c> verb: prepare the database, optionally fill it with history, warm up, measure, verify, print.</summary>
public static class EngineBenchmark
{
    public static async Task<int> RunAsync(EngineBenchOptions options, TextWriter output)
    {
        var figures = new FigureWriter(output);
        using var interruption = new Interruption();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interruption.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            figures.Print("provider", options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
            figures.Print("instances", options.Instances);
            figures.Print("concurrency", options.Concurrency);
            figures.Print("preload_instances", options.PreloadInstances);
            figures.Print("preload_versions", options.PreloadVersions);
            figures.Print("processors", Environment.ProcessorCount);
            figures.Print("gc", $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}/{System.Runtime.GCSettings.LatencyMode}");
            if (options.ComparePreload)
            {
                await PreloadComparison.RunAsync(options, figures, timeout.Token);
            }
            else
            {
                await MeasureAsync(options, figures, timeout.Token);
            }

            return 0;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && ex is OperationCanceledException or BenchFailedException)
        {
            var why = interruption.Requested ? "Interrupted" : $"Timed out after {options.TimeoutSeconds} s (--timeout-seconds)";
            throw new BenchFailedException(ex is BenchFailedException ? $"{why}: {ex.Message}" : why + ".");
        }
    }

    /// <summary>One database: set up, measure with every counter this machine offers, verify.</summary>
    private static async Task MeasureAsync(EngineBenchOptions options, FigureWriter figures, CancellationToken ct)
    {
        using var trace = options.Trace ? new SqlTrace() : null;
        using var database = await BenchDatabase.PrepareAsync(options, variant: null, ct);
        figures.Print("database", database.Description);
        await using var host = await BenchHost.StartAsync(options.Provider, database.ConnectionString, options.Trace, ct);
        var measuredVersion = await SetUpAsync(host, options, figures, ct);

        var before = await DatabaseUpkeep.CountAsync(host.Services, ct);
        figures.Print("db_instances_before", before.Instances);
        figures.Print("db_journal_lines_before", before.Journal);
        figures.Print("db_work_items_before", before.WorkItems);
        figures.Print("db_definition_versions", before.Versions);
        figures.Print("setup_peak_rss_mb", ProcessMemory.PeakRssMiB());

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var peakReset = ProcessMemory.TryResetPeak();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var storeTiming = options.Trace ? host.Services.GetRequiredService<StoreTiming>() : null;
        var walBefore = await PostgresWalStats.TakeAsync(host.Services, ct);
        trace?.Reset();
        storeTiming?.Reset();
        var jitted = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauses = GC.GetTotalPauseDuration();
        var ioBefore = ProcessIo.Take();
        var cpuBefore = CpuSnapshot.Take();

        var run = await LoadRunner.RunAsync(host.Services, BenchFlow.MeasuredDefinitionId, options.Instances, options.Concurrency, $"run-{since:yyyyMMddHHmmss}", ct);

        var cpu = CpuSnapshot.Between(cpuBefore, CpuSnapshot.Take());
        var ioAfter = ProcessIo.Take();
        var pauseMs = (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds;
        var allocatedPerInstance = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / run.Count;
        var gcCounts = $"{GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}";
        var walAfter = await PostgresWalStats.TakeAsync(host.Services, ct);

        figures.PrintRun(run);
        figures.Print("peak_rss_mb", ProcessMemory.PeakRssMiB());
        figures.Print("peak_rss_scope", peakReset ? "measurement" : "whole-process");
        PrintCpu(figures, cpu);
        figures.Print("alloc_kb_per_instance", allocatedPerInstance);

        // Methods the JIT compiled while measuring (tiering up with PGO): CPU the run pays that a warmed-up host would not.
        figures.Print("jit_methods_during_run", System.Runtime.JitInfo.GetCompiledMethodCount() - jitted.Item1);
        figures.Print("jit_ms_during_run", (System.Runtime.JitInfo.GetCompilationTime() - jitted.Item2).TotalMilliseconds);
        figures.Print("gc_collections_gen0_1_2", gcCounts);
        figures.Print("gc_pause_pct", 100 * pauseMs / run.Elapsed.TotalMilliseconds);
        if (ioBefore is not null && ioAfter is not null)
        {
            figures.Print("bench_io_write_kb_per_instance", (ioAfter.WriteBytes - ioBefore.WriteBytes) / 1024.0 / run.Count);
            figures.Print("bench_io_write_calls_per_instance", (double)(ioAfter.WriteCalls - ioBefore.WriteCalls) / run.Count);
            figures.Print("bench_io_read_calls_per_instance", (double)(ioAfter.ReadCalls - ioBefore.ReadCalls) / run.Count);
            figures.Print("bench_io_read_kb_per_instance", (ioAfter.ReadChars - ioBefore.ReadChars) / 1024.0 / run.Count);
        }

        if (walBefore is not null && walAfter is not null)
        {
            var wal = walAfter - walBefore;
            figures.Print("pg_wal_kb_per_instance", wal.Bytes / 1024.0 / run.Count);
            figures.Print("pg_wal_records_per_instance", (double)wal.Records / run.Count);
            figures.Print("pg_wal_full_page_images_per_instance", (double)wal.FullPageImages / run.Count);
            figures.Print("pg_wal_syncs_per_instance", (double)wal.Syncs / run.Count);
            figures.Print("pg_commits_per_instance", (double)wal.Commits / run.Count);
            figures.Print("pg_blocks_read_per_instance", (double)wal.BlocksRead / run.Count);
        }

        if (trace is not null)
        {
            figures.Print("ef_sql_commands_per_instance", (double)trace.Commands / run.Count);
            figures.Print("ef_transactions_per_instance", (double)trace.Transactions / run.Count);
            figures.Print("ef_connection_opens_per_instance", (double)trace.ConnectionsOpened / run.Count);
            figures.Print("ef_sql_command_ms_per_instance", trace.CommandTime.TotalMilliseconds / run.Count);
            foreach (var (shape, count, time) in trace.Shapes)
            {
                figures.Print($"ef_sql[{shape}]", string.Create(CultureInfo.InvariantCulture, $"{(double)count / run.Count:F2} per instance, {time.TotalMilliseconds / count:F3} ms avg"));
            }

            var roundTrips = trace.NpgsqlOperations.ToList();
            if (roundTrips.Count > 0)
            {
                figures.Print("npgsql_activities_per_instance", (double)roundTrips.Sum(o => o.Count) / run.Count);
                foreach (var (operation, count, time) in roundTrips)
                {
                    figures.Print($"npgsql[{operation}]", string.Create(CultureInfo.InvariantCulture, $"{(double)count / run.Count:F2} per instance, {time.TotalMilliseconds / count:F3} ms avg"));
                }
            }
        }

        if (storeTiming is not null)
        {
            foreach (var (method, count, time) in storeTiming.Calls)
            {
                figures.Print($"store[{method}]", string.Create(CultureInfo.InvariantCulture, $"{(double)count / run.Count:F2} per instance, {time.TotalMilliseconds / count:F3} ms avg"));
            }
        }

        foreach (var (name, value) in await RunVerifier.VerifyAsync(host.Services, measuredVersion, since, run, ct))
        {
            figures.Print(name, value);
        }
    }

    internal static void PrintCpu(FigureWriter figures, CpuUse cpu)
    {
        figures.Print("cpu_machine_busy_pct", cpu.MachineBusyPercent);
        figures.Print("cpu_machine_iowait_pct", cpu.MachineIoWaitPercent);
        figures.Print("cpu_machine_steal_pct", cpu.MachineStealPercent);
        figures.Print("cpu_bench_process_cores", cpu.BenchCores);
        figures.Print("cpu_postgres_cores", cpu.PostgresCores);
        figures.Print("cpu_other_processes_cores", cpu.OtherCores);
    }

    /// <summary>Publishes the versions, loads the history, warms up; returns the version to measure.</summary>
    internal static async Task<DefinitionVersion> SetUpAsync(BenchHost host, EngineBenchOptions options, FigureWriter figures, CancellationToken ct)
    {
        var versions = new List<DefinitionVersion>();
        var clock = Stopwatch.StartNew();
        for (var v = 1; v <= options.PreloadVersions; v++)
        {
            versions.Add(await host.PublishAsync(BenchFlow.Json(BenchFlow.MeasuredDefinitionId, $"rev {v}"), ct));
        }

        figures.Print("preload_versions_seconds", clock.Elapsed.TotalSeconds);
        if (options.PreloadInstances > 0)
        {
            var (rows, elapsed) = await HistoryPreloader.PreloadAsync(host.Services, versions, options.PreloadInstances, ct);
            clock.Restart();
            await DatabaseUpkeep.SettleAfterLoadAsync(host.Services, ct);
            figures.Print("preload_rows", rows);
            figures.Print("preload_seconds", elapsed.TotalSeconds);
            figures.Print("preload_analyze_seconds", clock.Elapsed.TotalSeconds);
        }

        if (options.Warmup > 0 || options.WarmupSeconds > 0)
        {
            // Its own definition, so the measured version's rows are exactly the measured instances.
            await host.PublishAsync(BenchFlow.Json(BenchFlow.WarmupDefinitionId, "warm-up"), ct);
            clock.Restart();
            var warmed = 0;
            while (warmed < options.Warmup || clock.Elapsed < TimeSpan.FromSeconds(options.WarmupSeconds))
            {
                var chunk = Math.Max(options.Concurrency, 250);
                await LoadRunner.RunAsync(host.Services, BenchFlow.WarmupDefinitionId, chunk, options.Concurrency, $"warmup-{warmed}", ct);
                warmed += chunk;
            }

            figures.Print("warmup_instances", warmed);
            figures.Print("warmup_seconds", clock.Elapsed.TotalSeconds);
        }

        return versions[^1];
    }
}
