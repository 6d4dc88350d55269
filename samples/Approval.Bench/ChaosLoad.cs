using System.Diagnostics;

namespace Approval.Bench;

/// <summary>The two passes of a chaos run over its cases, C at a time, with a director acting beside them (jumping
/// simulated time, killing a host) at given points of progress.</summary>
/// <remarks>
/// First pass: submit every case and approve the <see cref="CaseKind.Approved"/> ones. Then one jump of simulated time
/// past every deadline. Second pass: wait for each lapsed case's timer, each escalated case's critical escalation (then
/// approve it), and read every case until it has its expected status.
/// </remarks>
public sealed class ChaosLoad(ChaosClient client, IReadOnlyList<ChaosCase> cases, int concurrency)
{
    /// <summary>Far enough past every case's deadlines: 40 calendar days hold more than 15 working days even across the
    /// Spring Festival, so each escalated case passes its statutory limit and each lapsed case its 5-day supplement deadline.</summary>
    public const double FinalJumpDays = 40;

    private int _progress;

    /// <summary>Cases through the first pass so far.</summary>
    public int Progress => Volatile.Read(ref _progress);

    public async Task<TimeSpan> FirstPassAsync(Func<ChaosLoad, CancellationToken, Task> director, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(async (item, ct) =>
        {
            await client.SubmitAsync(item, ct);
            if (item.Kind == CaseKind.Approved)
            {
                await client.ApproveAsync(item, ct);
            }

            Interlocked.Increment(ref _progress);
        }, director, cancellationToken);
        return clock.Elapsed;
    }

    public async Task<TimeSpan> SettleAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await client.AdvanceClockAsync(FinalJumpDays, cancellationToken);
        await RunAsync(async (item, ct) =>
        {
            if (item.Kind == CaseKind.Escalated)
            {
                await client.AwaitCriticalAsync(item, ct);
                await client.ApproveAsync(item, ct);
            }

            await client.AwaitExpectedAsync(item, ct);
        }, null, cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>Waits until <paramref name="fraction"/> of the cases are through the first pass.</summary>
    public async Task ReachedAsync(double fraction, CancellationToken cancellationToken)
    {
        var target = (int)Math.Ceiling(cases.Count * fraction);
        while (Progress < target)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private async Task RunAsync(Func<ChaosCase, CancellationToken, Task> work, Func<ChaosLoad, CancellationToken, Task>? director, CancellationToken cancellationToken)
    {
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;

        async Task GuardAsync(Func<Task> body)
        {
            try
            {
                await body();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped because another worker failed or the run timed out: that is what gets reported.
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                await stop.CancelAsync();
            }
        }

        var workers = Enumerable.Range(0, Math.Min(concurrency, cases.Count)).Select(_ => Task.Run(() => GuardAsync(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < cases.Count)
            {
                await work(cases[i], stop.Token);
            }
        }))).ToList();
        if (director is not null)
        {
            workers.Add(Task.Run(() => GuardAsync(() => director(this, stop.Token))));
        }

        await Task.WhenAll(workers);
        if (failure is null && cancellationToken.IsCancellationRequested)
        {
            var waiting = cases.Where(c => c.Status != c.ExpectedStatus).Take(5).Select(c => $"{c.Number} ({c.Kind}, {c.Id}) is {c.Status ?? "not submitted"}");
            throw new BenchFailedException($"The run timed out; first pass {Progress}/{cases.Count}; e.g. {string.Join("; ", waiting)}.");
        }

        if (failure is not null)
        {
            throw failure is BenchFailedException ? failure
                : failure is OperationCanceledException ? new BenchFailedException("The run timed out before every case reached its expected state.")
                : new BenchFailedException(failure.ToString());
        }
    }
}
