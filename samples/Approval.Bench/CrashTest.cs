using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>The <c>crash</c> verb: SIGKILL the host while applications, task completions and timers are in flight,
/// restart it on the same database, and check every case still ends as it should, with nothing done twice.</summary>
/// <remarks>
/// A third of the way through the first pass, simulated time jumps 14 days: the supplement deadlines of the lapsed
/// cases received so far fall due and their timers fire, and open cases escalate. The first kill comes as soon as the
/// jump has committed, while the host is still firing what fell due; further kills are spread over the rest of the pass. The client goes
/// on throughout, retrying what the dead host did not answer (see <see cref="ChaosClient"/>).
/// </remarks>
public static class CrashTest
{
    private const double MidRunJumpDays = 14;
    private const double JumpAt = 0.3;

    public static async Task<int> RunAsync(CrashOptions options, TextWriter output)
    {
        using var interruption = new Interruption();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interruption.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancellationToken = timeout.Token;
        var figures = new FigureWriter(output);
        using var database = await BenchDatabase.PrepareAsync(options.Database, variant: null, cancellationToken);
        figures.Print("provider", options.Database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        figures.Print("database", database.Description);
        await using var session = await ChaosSession.StartAsync(options.HostDll, options.Database.Provider, database.ConnectionString, hosts: 1, options.Applications, options.Concurrency, cancellationToken);
        figures.Print("host_log", session.LogFile(0));

        var load = new ChaosLoad(session.Client, session.Cases, options.Concurrency);
        var recoveries = new List<TimeSpan>();
        var killedAt = new List<int>();
        var jumpInFlight = false;
        var firstPass = await load.FirstPassAsync(async (run, ct) =>
        {
            await run.ReachedAsync(JumpAt, ct);
            var before = await session.Client.ClockOffsetAsync(ct);
            var jump = session.Client.AdvanceClockAsync(MidRunJumpDays, ct);
            while (!jump.IsCompleted && await session.Client.ClockOffsetAsync(ct) == before)
            {
                await Task.Delay(20, ct);
            }

            // The jump has committed and the host is firing what fell due: kill it now.
            jumpInFlight = !jump.IsCompleted;
            for (var k = 0; k < options.Kills; k++)
            {
                if (k > 0)
                {
                    await run.ReachedAsync(JumpAt + ((1 - JumpAt) * k / (options.Kills + 0.5)), ct);
                }

                killedAt.Add(run.Progress);
                recoveries.Add(await session.KillAndRestartAsync(0, ct));
                if (k == 0)
                {
                    await jump;
                }
            }
        }, cancellationToken);
        var settle = await load.SettleAsync(cancellationToken);

        figures.Print("applications", options.Applications);
        figures.Print("concurrency", options.Concurrency);
        figures.Print("kills", recoveries.Count);
        figures.Print("killed_at_progress", string.Join(",", killedAt));
        figures.Print("killed_during_clock_jump", jumpInFlight ? "true" : "false");
        figures.Print("recovered_seconds", recoveries.Max().TotalSeconds);
        figures.Print("first_pass_seconds", firstPass.TotalSeconds);
        figures.Print("settle_seconds", settle.TotalSeconds);
        figures.Print("client_retries", session.Client.Retrying.Retries);
        foreach (var (name, value) in await session.VerifyAsync(cancellationToken))
        {
            figures.Print(name, value);
        }

        return 0;
    }
}
