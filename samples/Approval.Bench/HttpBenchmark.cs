using System.Diagnostics;
using System.Globalization;
using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>Applications end to end through the HTTP API of a host process: submit (receipt, clock) → read the case →
/// claim the review task → approve (licence, archive). Prints applications_per_second and the latency of each step.</summary>
public static class HttpBenchmark
{
    public static async Task<int> RunAsync(HttpBenchOptions options, TextWriter output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancellationToken = timeout.Token;
        var figures = new FigureWriter(output);
        using var database = await BenchDatabase.PrepareAsync(options.Database, variant: null, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("approval-http-bench-").FullName;
        await using var host = await HostProcess.StartAsync(HostProcess.Locate(options.HostDll), Settings(options.Database.Provider, database.ConnectionString), Path.Combine(folder, "host.log"), cancellationToken);
        figures.Print("provider", options.Database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        figures.Print("database", database.Description);
        using var driver = await CaseDriver.ConnectAsync(host.Url, options.Concurrency, cancellationToken);

        if (options.Warmup > 0)
        {
            await DriveAsync(driver, options.Warmup, options.Concurrency, offset: 0, cancellationToken);
        }

        var cpuBefore = CpuSnapshot.Take();
        var run = await DriveAsync(driver, options.Applications, options.Concurrency, offset: options.Warmup, cancellationToken);
        var cpuAfter = CpuSnapshot.Take();
        var cpu = CpuSnapshot.Between(cpuBefore, cpuAfter);
        figures.Print("applications", options.Applications);
        figures.Print("concurrency", options.Concurrency);
        figures.Print("applications_per_second", (options.Applications / run.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture));
        foreach (var (step, timings) in run.Steps)
        {
            var summary = new LatencySummary(timings);
            figures.Print($"{step}_p50_ms", summary.Percentile(50).ToString("F1", CultureInfo.InvariantCulture));
            figures.Print($"{step}_p99_ms", summary.Percentile(99).ToString("F1", CultureInfo.InvariantCulture));
        }

        figures.Print("host_peak_rss_mb", host.PeakRssMiB().ToString("F0", CultureInfo.InvariantCulture));

        // CPU per application says more than applications per second on a shared machine: the rate halves when a
        // build runs next door, the CPU each application costs barely moves. PostgreSQL counts every postgres process.
        var hostPid = host.ProcessId.ToString(CultureInfo.InvariantCulture);
        var hostTicks = cpuAfter.Processes.GetValueOrDefault(hostPid).Ticks - cpuBefore.Processes.GetValueOrDefault(hostPid).Ticks;
        figures.Print("host_cpu_ms_per_application", (hostTicks * 10.0 / options.Applications).ToString("F1", CultureInfo.InvariantCulture));
        figures.Print("postgres_cpu_ms_per_application", (cpu.PostgresCores * run.Elapsed.TotalMilliseconds / options.Applications).ToString("F1", CultureInfo.InvariantCulture));
        figures.Print("client_cpu_ms_per_application", (cpu.BenchCores * run.Elapsed.TotalMilliseconds / options.Applications).ToString("F1", CultureInfo.InvariantCulture));
        figures.Print("machine_busy_percent", cpu.MachineBusyPercent.ToString("F0", CultureInfo.InvariantCulture));
        figures.Print("verified", "true");
        return 0;
    }

    /// <summary>The host's configuration for a run: the given database, the demo catalogue, the system clock.</summary>
    public static Dictionary<string, string> Settings(DatabaseProvider provider, string connectionString) => new()
    {
        ["Approval__Database__Provider"] = provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSql",
        ["ConnectionStrings__Approval"] = connectionString,
        ["Approval__SeedDemoData"] = "true",
    };

    private static async Task<DriveResult> DriveAsync(CaseDriver driver, int count, int concurrency, int offset, CancellationToken cancellationToken)
    {
        var steps = new Dictionary<string, double[]>
        {
            ["submit"] = new double[count],
            ["read"] = new double[count],
            ["approve"] = new double[count],
        };
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;

        async Task WorkerAsync()
        {
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var application = await driver.SubmitAsync(offset + i, stop.Token);
                    var t1 = Stopwatch.GetTimestamp();
                    var task = await driver.OpenTaskAsync(application, stop.Token) ?? throw new BenchFailedException($"Application {application} has no open review task.");
                    var t2 = Stopwatch.GetTimestamp();
                    var status = await driver.ApproveAsync(task, stop.Token);
                    if (status != "Completed")
                    {
                        throw new BenchFailedException($"Application {application} should be completed after approval but is {status}.");
                    }

                    steps["submit"][i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    steps["read"][i] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                    steps["approve"][i] = Stopwatch.GetElapsedTime(t2).TotalMilliseconds;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                await stop.CancelAsync();
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(WorkerAsync)));
        clock.Stop();
        if (failure is not null)
        {
            throw failure is BenchFailedException ? failure : new BenchFailedException(failure.Message);
        }

        return new DriveResult(clock.Elapsed, steps);
    }

    private sealed record DriveResult(TimeSpan Elapsed, Dictionary<string, double[]> Steps);
}
