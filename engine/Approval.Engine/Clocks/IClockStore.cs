namespace Approval.Engine.Clocks;

/// <summary>Queries over clock rows, and the escalation and notification records.</summary>
public interface IClockStore
{
    Task<ClockRecord?> FindAsync(Guid instanceId, string clockName, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClockRecord>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>The clocks still running or paused of several instances at once (an inbox page's cases).</summary>
    Task<IReadOnlyList<ClockRecord>> ListOpenForInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken);

    /// <summary>Open clocks with a level begun at or before <paramref name="now"/> and not yet escalated, oldest first.</summary>
    Task<IReadOnlyList<ClockRecord>> ListDueForEscalationAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Open clocks at <paramref name="level"/> (or at yellow or worse when null) at <paramref name="now"/>, most urgent first.</summary>
    Task<IReadOnlyList<ClockRecord>> ListAlertsAsync(WarningLevel? level, string? department, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records an escalation and its notifications in one transaction, unless that clock and level escalated already.</summary>
    /// <returns>True when this call recorded it; false when it was there before (another host, a retry).</returns>
    Task<bool> TryRecordEscalationAsync(Escalation escalation, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    Task<IReadOnlyList<Escalation>> ListEscalationsAsync(Guid? instanceId, string? department, DateTimeOffset? since, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<Notification>> ListNotificationsAsync(IReadOnlyList<string> recipients, bool unreadOnly, int max, CancellationToken cancellationToken);

    /// <summary>Marks a notification read if it is addressed to one of <paramref name="recipients"/>; false when there is no such notification.</summary>
    Task<bool> MarkNotificationReadAsync(Guid notificationId, IReadOnlyList<string> recipients, string readBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Open clocks in key order, a page at a time.</summary>
    Task<IReadOnlyList<ClockRecord>> ListOpenAsync(int skip, int max, CancellationToken cancellationToken);

    /// <summary>Rewrites a clock row's dates and level instants, unless the clock changed since it was read (its sequence moved on).</summary>
    Task<bool> RefreshAsync(ClockRecord record, CancellationToken cancellationToken);

    Task<EscalationJobSet?> FindJobSetAsync(Guid instanceId, string clockName, CancellationToken cancellationToken);

    Task SaveJobSetAsync(EscalationJobSet jobs, CancellationToken cancellationToken);
}

/// <summary>Places and removes the delayed jobs that escalate a clock when a level begins (Hangfire in the host).</summary>
public interface IEscalationScheduler
{
    Task ScheduleAsync(EscalationScheduleRequest request, CancellationToken cancellationToken);
}
