using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Starts instances of a flow that waits after start, with a fixed number of starts in flight; returns their ids in order.</summary>
/// <remarks>Each start gets its own DI scope, as a request would. The first failure cancels the rest.</remarks>
public static class InstanceStarter
{
    public static async Task<Guid[]> StartAsync(
        IServiceProvider services, string definitionId, int count, int concurrency, Func<int, JsonObject> input, string correlationPrefix, CancellationToken cancellationToken)
    {
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
                    await using var scope = services.CreateAsyncScope();
                    var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                    var started = await runtime.StartAsync(definitionId, new StartOptions(input(i), $"{correlationPrefix}-{i}", "bench"), stop.Token);
                    if (started.Instance.Status != WorkflowStatus.Suspended)
                    {
                        throw new BenchFailedException($"Instance {started.Instance.Id} should wait on its timer after start but is {started.Instance.Status}.");
                    }

                    ids[i] = started.Instance.Id;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                await stop.CancelAsync();
            }
        }

        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(WorkerAsync)).ToArray();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // Reported below: either the first failure or the caller's cancellation.
        }

        if (failure is not null)
        {
            throw failure as BenchFailedException ?? new BenchFailedException($"A start failed: {failure.GetType().Name}: {failure.Message}", failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ids;
    }
}
