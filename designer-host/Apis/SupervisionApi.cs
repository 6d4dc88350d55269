using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>What supervisors watch: open cases by warning level, and the escalation log. A supervisor sees its department; an admin sees all.</summary>
public static class SupervisionApi
{
    private const int MaxRows = 1000;

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization(Policies.Supervise);
        api.MapGet("/alerts", Alerts)
            .WithSummary("Open cases at a warning level (yellow, red or critical; all three when none is given), most urgent first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/escalations", Escalations).WithSummary("The escalation log, newest first: case, level, recipients, time.");
        return app;
    }

    public static async Task<Results<Ok<List<AlertView>>, ProblemHttpResult>> Alerts(
        string? level, string? department, int? limit, ClaimsPrincipal user, IClockStore clocks, Approval.Engine.Storage.IWorkflowStore workflows, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        WarningLevel? wanted = null;
        if (!string.IsNullOrEmpty(level))
        {
            if (!Enum.TryParse<WarningLevel>(level, ignoreCase: true, out var parsed) || parsed == WarningLevel.Normal || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem($"'level' must be yellow, red or critical, not '{level}'.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            }

            wanted = parsed;
        }

        var now = time.GetUtcNow();
        var rows = await clocks.ListAlertsAsync(wanted, ScopeOf(user, department), now, Math.Clamp(limit ?? 200, 1, MaxRows), cancellationToken);
        var alerts = new List<AlertView>(rows.Count);
        foreach (var row in rows)
        {
            // A paused clock's due dates move every working day of the pause, so its row is stale: read the clock itself.
            var live = row.Status == ClockStatus.Paused && (await workflows.FindInstanceAsync(row.InstanceId, cancellationToken))?.State.Clocks.GetValueOrDefault(row.Name) is { } clock
                ? ClockCalculator.Read(clock, calendars.Current, now)
                : null;
            alerts.Add(AlertView.From(row, calendars.Current, now, live));
        }

        return TypedResults.Ok(alerts);
    }

    public static async Task<Ok<List<Escalation>>> Escalations(
        Guid? instanceId, string? department, DateTimeOffset? since, int? limit, ClaimsPrincipal user, IClockStore clocks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await clocks.ListEscalationsAsync(instanceId, ScopeOf(user, department), since, Math.Clamp(limit ?? 200, 1, MaxRows), cancellationToken)).ToList());

    /// <summary>A supervisor is held to its own department whatever it asks for; an admin may pick one or see all.</summary>
    private static string? ScopeOf(ClaimsPrincipal user, string? requested) => user.IsInRole(Roles.Admin) ? requested : user.Department();
}
