using Approval.Engine.Scheduling;
using Quartz;

namespace Approval.Engine.Quartz;

/// <summary>Engine timers as Quartz triggers, one per timer bookmark, keyed by the bookmark id so a trigger exists once.</summary>
/// <remarks>
/// All timers share one durable job (<see cref="TimerFiredJob"/>); the trigger carries the instance and bookmark.
/// Scheduling an existing key is ignored, which makes a re-relayed outbox message harmless; a misfired trigger (the
/// host was down when it fell due) fires at once when a scheduler comes back.
/// </remarks>
public sealed class QuartzTimerScheduler(ISchedulerFactory schedulers) : ITimerScheduler
{
    public const string Group = "engine-timers";

    public static readonly JobKey JobKey = new("timer-fired", Group);

    public async Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = TriggerKeyOf(timer.BookmarkId);
        if (await scheduler.Exists(key, cancellationToken))
        {
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(JobKey)
            .UsingJobData(TimerFiredJob.InstanceIdKey, timer.InstanceId.ToString())
            .UsingJobData(TimerFiredJob.BookmarkIdKey, timer.BookmarkId.ToString())
            .StartAt(timer.DueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another relay scheduled it first; one trigger is what we want.
        }
    }

    public async Task CancelAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(TriggerKeyOf(bookmarkId), cancellationToken);
    }

    public static TriggerKey TriggerKeyOf(Guid bookmarkId) => new(bookmarkId.ToString("N"), Group);
}
