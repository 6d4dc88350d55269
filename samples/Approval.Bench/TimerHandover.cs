using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Quartz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Approval.Bench;

/// <summary>What the outbox relay has handed to Quartz: pending outbox messages, and the engine's triggers in Quartz's tables.</summary>
public static class TimerHandover
{
    /// <summary>Waits until no outbox message is pending, i.e. every timer bookmark committed so far has its Quartz trigger.</summary>
    public static async Task WaitUntilRelayedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<EngineDbContextFactory>();
        while (true)
        {
            await using (var db = factory.Create())
            {
                if (!await db.Outbox.AnyAsync(o => o.ProcessedAt == null, cancellationToken))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>The engine's timer triggers in the Quartz job store (a query on its trigger table).</summary>
    public static async Task<int> CountTriggersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzTimerScheduler.Group), cancellationToken);
        return keys.Count;
    }
}
