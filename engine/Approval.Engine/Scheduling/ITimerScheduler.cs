namespace Approval.Engine.Scheduling;

/// <summary>Durable timers: a trigger per timer bookmark that fires once, even across restarts and with several hosts.</summary>
public interface ITimerScheduler
{
    /// <summary>Schedules the timer; scheduling the same bookmark again is a no-op.</summary>
    Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken);

    /// <summary>Removes the timer if it is still pending; removing a missing one is a no-op.</summary>
    Task CancelAsync(Guid bookmarkId, CancellationToken cancellationToken);
}
