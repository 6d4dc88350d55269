using System.Diagnostics;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Drives instances end to end (start → task created → task completed → end) with a fixed number in flight.</summary>
/// <remarks>
/// Each of <c>concurrency</c> workers takes the next instance number, starts it, completes its one work item with
/// Approve, and takes the next, so the engine always has that many instances in flight. Each call gets its own DI
/// scope, as a request would. The first failure cancels the run.
/// </remarks>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        IServiceProvider services, string definitionId, int count, int concurrency, string correlationPrefix, CancellationToken cancellationToken)
    {
        var startMs = new double[count];
        var completeMs = new double[count];
        var totalMs = new double[count];
        var ids = new Guid[count];
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
                    stop.Token.ThrowIfCancellationRequested();
                    var t0 = Stopwatch.GetTimestamp();
                    RunResult started;
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                        started = await runtime.StartAsync(definitionId, new StartOptions(BenchFlow.Input(i), $"{correlationPrefix}-{i}", "applicant"), stop.Token);
                    }

                    if (started.Instance.Status != WorkflowStatus.Suspended || started.CreatedWorkItems.Count != 1)
                    {
                        throw new BenchFailedException($"Instance {started.Instance.Id} should wait on one task after start but is {started.Instance.Status} with {started.CreatedWorkItems.Count} work item(s).");
                    }

                    var t1 = Stopwatch.GetTimestamp();
                    RunResult completed;
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                        completed = await runtime.CompleteWorkItemAsync(started.CreatedWorkItems[0].Id, "Approve", comment: null, data: null, actor: "bench", stop.Token);
                    }

                    if (completed.Instance.Status != WorkflowStatus.Completed)
                    {
                        throw new BenchFailedException($"Instance {completed.Instance.Id} should be completed after its task but is {completed.Instance.Status}.");
                    }

                    var t2 = Stopwatch.GetTimestamp();
                    startMs[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    completeMs[i] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                    totalMs[i] = Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds;
                    ids[i] = started.Instance.Id;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                await stop.CancelAsync();
            }
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(WorkerAsync)).ToArray();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // Reported below: either the first failure or the timeout.
        }

        clock.Stop();
        if (failure is not null)
        {
            throw failure as BenchFailedException ?? new BenchFailedException($"An instance failed: {failure.GetType().Name}: {failure.Message}", failure);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailedException($"stopped after {clock.Elapsed.TotalSeconds:F0} s with {Math.Min(next, count)} of {count} instances started.");
        }

        return new LoadResult(clock.Elapsed, startMs, completeMs, totalMs, ids);
    }
}
