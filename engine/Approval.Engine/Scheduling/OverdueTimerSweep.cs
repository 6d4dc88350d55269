using Approval.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Scheduling;

/// <summary>Resumes timer bookmarks whose instant has passed without Quartz firing them: a lost trigger, or simulated time jumping ahead.</summary>
/// <remarks>Resuming is idempotent, so a timer Quartz fires at the same moment is resumed once.</remarks>
public sealed class OverdueTimerSweep(IWorkflowStore store, IBackgroundDispatcher dispatcher, TimeProvider time, ILogger<OverdueTimerSweep> logger)
{
    /// <summary>Hands every timer due more than <paramref name="grace"/> ago to the background dispatcher; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var total = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var overdue = await store.ListDueTimersAsync(time.GetUtcNow() - grace, 500, cancellationToken);
            var fresh = overdue.Where(t => seen.Add(t.Id)).ToList();
            foreach (var timer in fresh)
            {
                logger.LogInformation("Timer bookmark {BookmarkId} of instance {InstanceId} fell due at {DueAt}; resuming it from the sweep.", timer.Id, timer.InstanceId, timer.ResumeAt);
                await dispatcher.DispatchResumeAsync(new ResumeRequest(timer.InstanceId, timer.Id, null, "system:timer"), cancellationToken);
            }

            total += fresh.Count;
            if (overdue.Count < 500 || fresh.Count == 0)
            {
                return total;
            }
        }
    }
}
