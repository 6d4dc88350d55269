using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Approval.Engine.Hangfire;

/// <summary>Registers the minutely SLA sweep as a Hangfire recurring job; Hangfire runs it on one host at a time.</summary>
public sealed class SlaSweepRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SlaJobs>(SlaJobs.SweepJobId, "engine", j => j.SweepAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
