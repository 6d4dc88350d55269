using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Times every call into the engine's <see cref="IWorkflowStore"/> (with <c>--trace</c>), by method, passing each call through unchanged.</summary>
/// <remarks>
/// A <see cref="DispatchProxy"/> rather than a hand-written decorator, so a method added to the interface does not
/// break the benchmark. On SQLite a commit's time includes waiting for the process-wide write gate; at
/// <c>--concurrency 1</c> nobody waits, so it is the time a commit holds the gate, and SQLite throughput cannot pass
/// 1 / (commits per instance × that).
/// </remarks>
public class StoreTiming : DispatchProxy
{
    private readonly ConcurrentDictionary<string, StrongBox<(long Count, long Ticks)>> _calls = new(StringComparer.Ordinal);
    private IWorkflowStore _inner = null!;

    /// <summary>Replaces the registered store with a timed one; call after <c>AddApprovalEngine</c>.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<EfWorkflowStore>();
        services.AddSingleton(sp =>
        {
            var proxy = Create<IWorkflowStore, StoreTiming>();
            ((StoreTiming)(object)proxy)._inner = sp.GetRequiredService<EfWorkflowStore>();
            return (StoreTiming)(object)proxy;
        });
        services.AddSingleton(sp => (IWorkflowStore)(object)sp.GetRequiredService<StoreTiming>());
    }

    /// <summary>Calls by method name: count and total time, most time first.</summary>
    public IEnumerable<(string Method, long Count, TimeSpan Total)> Calls =>
        _calls.Select(c => (c.Key, c.Value.Value.Count, Stopwatch.GetElapsedTime(0, c.Value.Value.Ticks))).OrderByDescending(c => c.Item3);

    public void Reset() => _calls.Clear();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var start = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            Record(targetMethod.Name, start);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        if (result is Task task)
        {
            task.ContinueWith(_ => Record(targetMethod.Name, start), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            Record(targetMethod.Name, start);
        }

        return result;
    }

    private void Record(string method, long start)
    {
        var ticks = Stopwatch.GetTimestamp() - start;
        var box = _calls.GetOrAdd(method, _ => new StrongBox<(long, long)>());
        lock (box)
        {
            box.Value = (box.Value.Count + 1, box.Value.Ticks + ticks);
        }
    }
}
