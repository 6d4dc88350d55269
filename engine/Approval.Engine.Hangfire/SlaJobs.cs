using System.ComponentModel;
using Approval.Engine.Clocks;
using Hangfire;

namespace Approval.Engine.Hangfire;

/// <summary>The SLA escalation jobs: one scheduled per clock and level, and the recurring catch-up sweep. Both are idempotent.</summary>
[Queue("engine")]
[AutomaticRetry(Attempts = 10)]
public sealed class SlaJobs(SlaEscalator escalator, SlaSweep sweep, ClockReprojector reprojector)
{
    public const string SweepJobId = "sla-sweep";

    [DisplayName("Escalate clock {1} of instance {0} ({2})")]
    public Task EscalateAsync(Guid instanceId, string clockName, string level, CancellationToken cancellationToken) =>
        escalator.EscalateAsync(instanceId, clockName, "job", cancellationToken);

    [DisplayName("SLA sweep")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task SweepAsync(CancellationToken cancellationToken) => sweep.SweepAsync(cancellationToken);

    [DisplayName("Recompute open clocks after a calendar change")]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task ReprojectAsync(CancellationToken cancellationToken) => reprojector.ReprojectOpenClocksAsync(cancellationToken);
}
