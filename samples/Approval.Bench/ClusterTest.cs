using System.Globalization;

namespace Approval.Bench;

/// <summary>The <c>cluster</c> verb: N host processes on one PostgreSQL, each case's steps sent to the hosts in turn,
/// simulated time jumped mid-run so timers and escalations fall due while every host runs its background servers.
/// Checks from the journal that every step ran once and every escalation was recorded once.</summary>
public static class ClusterTest
{
    private const double MidRunJumpDays = 14;

    public static async Task<int> RunAsync(ClusterOptions options, TextWriter output)
    {
        using var interruption = new Interruption();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interruption.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancellationToken = timeout.Token;
        var figures = new FigureWriter(output);
        using var database = await BenchDatabase.PrepareAsync(options.Database, variant: null, cancellationToken);
        figures.Print("provider", "postgres");
        figures.Print("database", database.Description);
        await using var session = await ChaosSession.StartAsync(options.HostDll, options.Database.Provider, database.ConnectionString, options.Hosts, options.Applications, options.Concurrency, cancellationToken);

        var load = new ChaosLoad(session.Client, session.Cases, options.Concurrency);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var firstPass = await load.FirstPassAsync(async (run, ct) =>
        {
            await run.ReachedAsync(0.5, ct);
            await session.Client.AdvanceClockAsync(MidRunJumpDays, ct);
        }, cancellationToken);
        var settle = await load.SettleAsync(cancellationToken);
        clock.Stop();

        figures.Print("hosts", options.Hosts);
        figures.Print("applications", options.Applications);
        figures.Print("concurrency", options.Concurrency);
        figures.Print("applications_per_second", (options.Applications / clock.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture));
        figures.Print("first_pass_seconds", firstPass.TotalSeconds);
        figures.Print("settle_seconds", settle.TotalSeconds);
        var requests = session.Client.RequestsPerHost;
        var rss = session.PeakRssMiB().ToList();
        for (var i = 0; i < options.Hosts; i++)
        {
            figures.Print($"host{i}_requests", requests[i]);
            figures.Print($"host{i}_peak_rss_mb", rss[i].ToString("F0", CultureInfo.InvariantCulture));
        }

        figures.Print("client_retries", session.Client.Retrying.Retries);
        foreach (var (name, value) in await session.VerifyAsync(cancellationToken))
        {
            figures.Print(name, value);
        }

        return 0;
    }
}
