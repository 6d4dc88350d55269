using Approval.Engine.Calendar;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Hosting;

/// <summary>Runs the outbox relay: at once when a commit nudges it, and on a poll for what other hosts or a crash left behind.</summary>
/// <remarks>
/// It also sweeps timer bookmarks overdue by more than a minute and resumes them through Hangfire. Quartz is durable,
/// so the sweep normally finds nothing; it is the net under a lost trigger, and resuming is idempotent.
/// </remarks>
public sealed class OutboxRelayService(IServiceScopeFactory scopes, EngineOptions options, TimeProvider clock, ILogger<OutboxRelayService> logger)
    : BackgroundService, IOutboxNotifier
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TimerGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan KeepProcessed = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim _nudge = new(0, 1);
    private DateTimeOffset _nextSweep;

    public void Notify()
    {
        if (_nudge.CurrentCount == 0)
        {
            try
            {
                _nudge.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already nudged; one is enough.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayAllAsync(stoppingToken);
                if (clock.GetUtcNow() >= _nextSweep)
                {
                    await SweepAsync(stoppingToken);
                    _nextSweep = clock.GetUtcNow() + SweepEvery;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox relay failed; it will try again.");
            }

            try
            {
                await _nudge.WaitAsync(options.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RelayAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var relay = scope.ServiceProvider.GetRequiredService<OutboxRelay>();
        while (await relay.RelayPendingAsync(cancellationToken) >= OutboxRelay.BatchSize)
        {
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = clock.GetUtcNow();
        if (await services.GetRequiredService<OverdueTimerSweep>().SweepAsync(TimerGrace, cancellationToken) is > 0 and var resumed)
        {
            logger.LogWarning("{Count} timer(s) were overdue by more than {Grace}; the sweep resumed them.", resumed, TimerGrace);
        }

        await services.GetRequiredService<IOutboxStore>().PurgeProcessedAsync(now - KeepProcessed, cancellationToken);

        // An administrator may have loaded a holiday notice on another host.
        await services.GetRequiredService<CalendarService>().ReloadIfChangedAsync(cancellationToken);
    }
}
