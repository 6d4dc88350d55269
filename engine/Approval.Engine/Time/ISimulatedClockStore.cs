namespace Approval.Engine.Time;

/// <summary>Keeps the simulated clock's offset in the database, so every host sharing it lives at the same simulated instant.</summary>
public interface ISimulatedClockStore
{
    Task<TimeSpan> ReadOffsetAsync(CancellationToken cancellationToken);

    /// <summary>Moves the offset forward by <paramref name="delta"/> atomically and returns the new offset.</summary>
    Task<TimeSpan> AdvanceAsync(TimeSpan delta, string by, CancellationToken cancellationToken);
}
