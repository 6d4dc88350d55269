using Approval.Engine.Clocks;
using Hangfire;

namespace Approval.Engine.Hangfire;

/// <summary>Keeps one delayed Hangfire job per warning level of each running clock, replacing them whenever the clock changes.</summary>
/// <remarks>
/// The job ids are stored with the clock's change count, so a relay that hands over an older schedule after a newer one
/// changes nothing. A job that survives a lost delete does no harm: it re-reads the clock before escalating.
/// </remarks>
public sealed class HangfireEscalationScheduler(IBackgroundJobClient jobs, IClockStore clocks, TimeProvider time) : IEscalationScheduler
{
    private static readonly WarningLevel[] Levels = [WarningLevel.Yellow, WarningLevel.Red, WarningLevel.Critical];

    public async Task ScheduleAsync(EscalationScheduleRequest request, CancellationToken cancellationToken)
    {
        var existing = await clocks.FindJobSetAsync(request.InstanceId, request.ClockName, cancellationToken);
        if (existing is not null && existing.Sequence > request.Sequence)
        {
            return;
        }

        foreach (var jobId in existing?.JobIds ?? [])
        {
            jobs.Delete(jobId);
        }

        var record = await clocks.FindAsync(request.InstanceId, request.ClockName, cancellationToken);
        var escalated = record?.EscalatedLevel ?? WarningLevel.Normal;
        var now = time.GetUtcNow();
        var scheduled = new List<string>();
        foreach (var level in Levels)
        {
            if (level <= escalated || request.At(level) is not { } at)
            {
                continue;
            }

            // Hangfire waits on the real clock; under simulated time the sweep after each jump covers the difference.
            var delay = at - now;
            scheduled.Add(delay <= TimeSpan.Zero
                ? jobs.Enqueue<SlaJobs>(j => j.EscalateAsync(request.InstanceId, request.ClockName, level.ToString(), CancellationToken.None))
                : jobs.Schedule<SlaJobs>(j => j.EscalateAsync(request.InstanceId, request.ClockName, level.ToString(), CancellationToken.None), delay));
        }

        await clocks.SaveJobSetAsync(new EscalationJobSet { InstanceId = request.InstanceId, ClockName = request.ClockName, Sequence = request.Sequence, JobIds = scheduled, UpdatedAt = now }, cancellationToken);
    }
}
