using Approval.Engine.Scheduling;

namespace Approval.Engine.Storage;

/// <summary>The relay's view of the outbox.</summary>
public interface IOutboxStore
{
    /// <summary>Unprocessed messages available at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task MarkProcessedAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Deletes processed messages older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeProcessedAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
