using Microsoft.Extensions.Logging;

namespace Approval.Engine.Clocks;

/// <summary>Catches up escalations that no job delivered: downtime, a lost job, or simulated time jumping ahead.</summary>
/// <remarks>Safe to run on every host at once: each clock's level is recorded once whoever gets there first.</remarks>
public sealed class SlaSweep(IClockStore clocks, SlaEscalator escalator, TimeProvider time, ILogger<SlaSweep> logger)
{
    private const int BatchSize = 500;

    /// <summary>Escalates every open clock whose level has begun; returns how many escalations this sweep recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        var seen = new HashSet<(Guid, string)>();
        while (true)
        {
            var due = await clocks.ListDueForEscalationAsync(time.GetUtcNow(), BatchSize, cancellationToken);
            var fresh = due.Where(c => seen.Add((c.InstanceId, c.Name))).ToList();
            foreach (var clock in fresh)
            {
                try
                {
                    recorded += await escalator.EscalateAsync(clock.InstanceId, clock.Name, "sweep", cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Escalating clock {Clock} of instance {InstanceId} failed; the next sweep tries again.", clock.Name, clock.InstanceId);
                }
            }

            // A clock whose row says due but whose state says otherwise (say, stale after a calendar change) stays in
            // the list; "seen" stops the loop from spinning on it.
            if (due.Count < BatchSize || fresh.Count == 0)
            {
                return recorded;
            }
        }
    }
}
