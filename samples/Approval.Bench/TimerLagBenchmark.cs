using System.Diagnostics;
using Approval.Engine.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>The <c>timers</c> verb: load N far-future timers through the engine until Quartz holds them all, then start
/// probes that fall due at known instants and measure how late each was resumed.</summary>
/// <remarks>
/// The host runs as a host in service does: the outbox relay hands each timer bookmark to Quartz, whose scheduler fires
/// the trigger into <c>TimerFiredJob</c>, which resumes the instance. Lag = the journal's <c>BookmarkResumed</c> time
/// minus the instant the timer was due; both are read from the engine's clock.
/// </remarks>
public static class TimerLagBenchmark
{
    /// <summary>How long after the last probe fell due it may still be resumed: the overdue sweep's grace (1 min) and interval (30 s).</summary>
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(TimerBenchOptions options, TextWriter output)
    {
        var figures = new FigureWriter(output);
        using var interruption = new Interruption();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interruption.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            await MeasureAsync(options, figures, timeout.Token);
            return 0;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && ex is OperationCanceledException or BenchFailedException)
        {
            var why = interruption.Requested ? "Interrupted" : $"Timed out after {options.TimeoutSeconds} s (--timeout-seconds)";
            throw new BenchFailedException(ex is BenchFailedException ? $"{why}: {ex.Message}" : why + ".");
        }
    }

    private static async Task MeasureAsync(TimerBenchOptions options, FigureWriter figures, CancellationToken ct)
    {
        figures.Print("provider", options.Database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        figures.Print("pending", options.Pending);
        figures.Print("probes", options.Probes);
        figures.Print("spread_seconds", options.SpreadSeconds);
        figures.Print("processors", Environment.ProcessorCount);
        figures.Print("load_average_before", LoadAverage.Read());
        using var database = await BenchDatabase.PrepareAsync(options.Database, variant: null, ct);
        figures.Print("database", database.Description);
        await using var host = await BenchHost.StartAsync(options.Database.Provider, database.ConnectionString, timeStore: false, ct, backgroundServers: true);
        var services = host.Services;
        var clock = services.GetRequiredService<TimeProvider>();
        var pendingVersion = await host.PublishAsync(TimerFlow.Json(TimerFlow.PendingDefinitionId), ct);
        var probeVersion = await host.PublishAsync(TimerFlow.Json(TimerFlow.ProbeDefinitionId), ct);
        var problems = new List<string>();

        // 1. The far-future timers: a year ahead, one second apart, so none can fall due during the run.
        var load = Stopwatch.StartNew();
        var far = clock.GetUtcNow().AddDays(365);
        await InstanceStarter.StartAsync(services, TimerFlow.PendingDefinitionId, options.Pending, options.Concurrency,
            i => TimerFlow.Input(far.AddSeconds(i)), "pending", ct);
        figures.Print("load_start_seconds", load.Elapsed.TotalSeconds);
        await TimerHandover.WaitUntilRelayedAsync(services, ct);
        figures.Print("load_seconds", load.Elapsed.TotalSeconds);
        var pendingTimers = await TimerHandover.CountTriggersAsync(services, ct);
        figures.Print("pending_timers", pendingTimers);
        if (pendingTimers != options.Pending)
        {
            problems.Add($"{pendingTimers} Quartz triggers after the load, expected {options.Pending}");
        }

        // 2. The probes: due at known instants, evenly over the spread, after a lead that covers starting and relaying them.
        var first = clock.GetUtcNow().AddSeconds(options.LeadSeconds);
        var due = Enumerable.Range(0, options.Probes)
            .Select(i => first + TimeSpan.FromSeconds((double)options.SpreadSeconds * i / options.Probes))
            .ToArray();
        var probeStart = Stopwatch.StartNew();
        var ids = await InstanceStarter.StartAsync(services, TimerFlow.ProbeDefinitionId, options.Probes, options.Concurrency,
            i => TimerFlow.Input(due[i]), "probe", ct);
        figures.Print("probe_start_seconds", probeStart.Elapsed.TotalSeconds);
        if (clock.GetUtcNow() > first)
        {
            problems.Add($"starting the probes took longer than the {options.LeadSeconds} s lead, so early ones were late before Quartz had them");
        }

        var firings = await new ProbeWatcher(services, clock).WatchAsync(ids, due, due[^1] + Straggle, ct);
        PrintLag(figures, firings, due);
        var fired = firings.Count(f => f is not null);
        if (fired != options.Probes)
        {
            problems.Add($"{fired} of {options.Probes} probes resumed by {Straggle.TotalSeconds:F0} s after the last was due");
        }

        problems.AddRange(await TimerLagVerifier.VerifyAsync(services, probeVersion.Id, options.Probes, pendingVersion.Id, options.Pending, ct));
        figures.Print("peak_rss_mb", ProcessMemory.PeakRssMiB());
        figures.Print("load_average_after", LoadAverage.Read());
        figures.Print("verified", problems.Count == 0 ? "true" : "false");
        if (problems.Count > 0)
        {
            throw new BenchFailedException("verification: " + string.Join("; ", problems));
        }
    }

    private static void PrintLag(FigureWriter figures, ProbeFiring?[] firings, DateTimeOffset[] due)
    {
        var fired = firings.Select((f, i) => (Firing: f, Due: due[i])).Where(p => p.Firing is not null).Select(p => (Firing: p.Firing!, p.Due)).ToList();
        var lag = new LatencySummary(fired.Select(p => (p.Firing.ResumedAt - p.Due).TotalMilliseconds));
        var quartz = new LatencySummary(fired.Where(p => p.Firing.FiredAt is not null).Select(p => (p.Firing.FiredAt!.Value - p.Due).TotalMilliseconds));
        var observed = new LatencySummary(fired.Select(p => (p.Firing.ObservedAt - p.Due).TotalMilliseconds));
        figures.Print("fired", fired.Count);

        // A resume without the job's payload came from the overdue sweep (through Hangfire), not from Quartz.
        figures.Print("fired_by_sweep", fired.Count(p => p.Firing.FiredAt is null));
        figures.Print("timer_lag_p50_ms", lag.Percentile(50));
        figures.Print("timer_lag_p99_ms", lag.Percentile(99));
        figures.Print("timer_lag_max_ms", lag.Max);
        figures.Print("quartz_fire_lag_p50_ms", quartz.Percentile(50));
        figures.Print("quartz_fire_lag_p99_ms", quartz.Percentile(99));
        figures.Print("quartz_fire_lag_max_ms", quartz.Max);

        // Upper bound: includes up to one poll interval (100 ms) and the commit.
        figures.Print("observed_lag_p99_ms", observed.Percentile(99));
    }
}
