using System.Text.Json;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Scheduling;

/// <summary>Hands committed outbox messages to Quartz (timers) and Hangfire (continuations, SLA escalations), then marks them processed.</summary>
/// <remarks>
/// A crash between handing over and marking leaves the message pending, so it is handed over again: every handler is
/// idempotent (a timer has a stable trigger key, a resume of a burned bookmark does nothing, a child id is fixed).
/// Failures back off exponentially up to five minutes and never block the messages behind them.
/// </remarks>
public sealed class OutboxRelay(IOutboxStore outbox, ITimerScheduler timers, IBackgroundDispatcher dispatcher, IEscalationScheduler escalations, TimeProvider clock, ILogger<OutboxRelay> logger)
{
    public const int BatchSize = 200;

    /// <summary>Relays one batch of pending messages; returns how many were handed over.</summary>
    public async Task<int> RelayPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.ListPendingAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        var relayed = 0;
        foreach (var message in pending)
        {
            try
            {
                await HandleAsync(message, cancellationToken);
                await outbox.MarkProcessedAsync(message.Id, clock.GetUtcNow(), cancellationToken);
                relayed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(message.Attempts + 1, 9))));
                logger.LogWarning(ex, "Outbox message {MessageId} ({Kind}) failed on attempt {Attempt}; retrying in {Delay}.", message.Id, message.Kind, message.Attempts + 1, delay);
                await outbox.MarkFailedAsync(message.Id, ex.Message, clock.GetUtcNow() + delay, cancellationToken);
            }
        }

        return relayed;
    }

    private Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) => message.Kind switch
    {
        OutboxKinds.ScheduleTimer => timers.ScheduleAsync(Read<TimerRequest>(message), cancellationToken),
        OutboxKinds.CancelTimer => timers.CancelAsync(Read<TimerRequest>(message).BookmarkId, cancellationToken),
        OutboxKinds.StartChild => dispatcher.DispatchStartChildAsync(Read<StartChildRequest>(message), cancellationToken),
        OutboxKinds.Resume => dispatcher.DispatchResumeAsync(Read<ResumeRequest>(message), cancellationToken),
        OutboxKinds.Cancel => dispatcher.DispatchCancelAsync(Read<CancelRequest>(message), cancellationToken),
        OutboxKinds.ScheduleEscalations => escalations.ScheduleAsync(Read<EscalationScheduleRequest>(message), cancellationToken),
        _ => throw new InvalidOperationException($"Outbox message kind '{message.Kind}' has no handler."),
    };

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, EngineJson.Options) ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
}
