using Approval.Engine.Clocks;
using Approval.Engine.Scheduling;

namespace Approval.Engine.Time;

/// <summary>Moves simulated time forward for every host, then fires what fell due: timers, and escalations whose level began.</summary>
public sealed class SimulatedClock(SimulatedTimeProvider time, ISimulatedClockStore store, OverdueTimerSweep timers, SlaSweep escalations, IOutboxNotifier notifier)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public TimeSpan Offset => time.Offset;

    /// <summary>Advances by <paramref name="delta"/>; returns what fired as a result.</summary>
    public async Task<ClockAdvance> AdvanceAsync(TimeSpan delta, string by, CancellationToken cancellationToken)
    {
        var offset = await store.AdvanceAsync(delta, by, cancellationToken);
        time.Observe(offset);

        // Quartz and Hangfire wait on their own schedules; the sweeps make what fell due in the jump happen now.
        var timersFired = await timers.SweepAsync(TimeSpan.Zero, cancellationToken);
        var escalated = await escalations.SweepAsync(cancellationToken);
        notifier.Notify();
        return new ClockAdvance(time.GetUtcNow(), time.Offset, timersFired, escalated);
    }

    /// <summary>Picks up an advance another host made.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken) => time.Observe(await store.ReadOffsetAsync(cancellationToken));
}

/// <summary>The result of moving simulated time: the new instant and what fired.</summary>
public sealed record ClockAdvance(DateTimeOffset Now, TimeSpan Offset, int TimersFired, int Escalations);
