namespace Approval.Engine.Scheduling;

/// <summary>Durable background work: continuations that must run even if this host dies right after asking.</summary>
public interface IBackgroundDispatcher
{
    Task DispatchResumeAsync(ResumeRequest request, CancellationToken cancellationToken);

    Task DispatchStartChildAsync(StartChildRequest request, CancellationToken cancellationToken);

    Task DispatchCancelAsync(CancelRequest request, CancellationToken cancellationToken);

    /// <summary>Recomputes every open clock's row and escalations, after the calendar changed under them.</summary>
    Task DispatchClockReprojectionAsync(CancellationToken cancellationToken);
}
