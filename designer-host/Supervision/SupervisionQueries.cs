using System.Security.Claims;
using Approval.DesignerHost.Apis;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Storage;
using Approval.Workflows.Supervision;

namespace Approval.DesignerHost.Supervision;

/// <summary>What supervisors watch, scoped to who asks: open cases by warning level, the escalation log, the performance figures.</summary>
/// <remarks>
/// The HTTP API (<c>/api/supervision/*</c>) and the supervision page both read through here, so a supervisor sees the
/// same cases in either and the department rule lives in one place.
/// </remarks>
public sealed class SupervisionQueries(IClockStore clocks, IWorkflowStore workflows, SupervisionMetrics metrics, CalendarProvider calendars, TimeProvider time)
{
    public const int DefaultRows = 200;

    public const int MaxRows = 1000;

    /// <summary>A supervisor is held to its own department whatever it asks for; an admin may pick one or see all (null).</summary>
    public static string? ScopeOf(ClaimsPrincipal user, string? requested) => user.IsInRole(Roles.Admin) ? requested : user.Department();

    /// <summary>Open clocks at <paramref name="level"/> (yellow or worse when null) in the user's scope, most urgent due date first.</summary>
    public async Task<IReadOnlyList<AlertView>> AlertsAsync(ClaimsPrincipal user, WarningLevel? level, string? department, int? limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await clocks.ListAlertsAsync(level, ScopeOf(user, department), now, Rows(limit), cancellationToken);
        var alerts = new List<AlertView>(rows.Count);
        foreach (var row in rows)
        {
            // A paused clock's due dates move every working day of the pause, so its row is stale: read the clock itself.
            var live = row.Status == ClockStatus.Paused && (await workflows.FindInstanceAsync(row.InstanceId, cancellationToken))?.State.Clocks.GetValueOrDefault(row.Name) is { } clock
                ? ClockCalculator.Read(clock, calendars.Current, now)
                : null;
            alerts.Add(AlertView.From(row, calendars.Current, now, live));
        }

        return alerts;
    }

    /// <summary>The escalation log in the user's scope, newest first.</summary>
    public Task<IReadOnlyList<Escalation>> EscalationsAsync(ClaimsPrincipal user, Guid? instanceId, string? department, DateTimeOffset? since, int? limit, CancellationToken cancellationToken) =>
        clocks.ListEscalationsAsync(instanceId, ScopeOf(user, department), since, Rows(limit), cancellationToken);

    /// <summary>The figures for cases received from <paramref name="from"/> to <paramref name="to"/> (inclusive) in the user's scope.</summary>
    public Task<IReadOnlyList<MetricsRow>> MetricsAsync(ClaimsPrincipal user, DateOnly from, DateOnly to, MetricsGrouping groupBy, string? department, CancellationToken cancellationToken) =>
        metrics.QueryAsync(new MetricsQuery(from, to, groupBy, ScopeOf(user, department)), cancellationToken);

    /// <summary>Today in Beijing, on the host's clock (simulated time included).</summary>
    public DateOnly Today() => ChinaTime.DateOf(time.GetUtcNow());

    private static int Rows(int? limit) => Math.Clamp(limit ?? DefaultRows, 1, MaxRows);
}
