using System.Globalization;
using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Supervision;
using Approval.Engine.Clocks;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>What supervisors watch: open cases by warning level, the escalation log, the performance figures. A supervisor sees its department; an admin sees all or picks one.</summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization(Policies.Supervise);
        api.MapGet("/alerts", Alerts)
            .WithSummary("Open cases at a warning level (yellow, red or critical; all three when none is given), most urgent first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/escalations", Escalations).WithSummary("The escalation log, newest first: case, level, recipients, time.");
        api.MapGet("/metrics", Metrics)
            .WithSummary("On-time rate, overdue count, return rate (flagged above 10%), average working days and 即办 ratio of the cases received from 'from' to 'to' (yyyy-MM-dd, inclusive), grouped by matter, department or clerk.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<List<AlertView>>, ProblemHttpResult>> Alerts(
        string? level, string? department, int? limit, ClaimsPrincipal user, SupervisionQueries supervision, CancellationToken cancellationToken)
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

        return TypedResults.Ok((await supervision.AlertsAsync(user, wanted, department, limit, cancellationToken)).ToList());
    }

    public static async Task<Ok<List<Escalation>>> Escalations(
        Guid? instanceId, string? department, DateTimeOffset? since, int? limit, ClaimsPrincipal user, SupervisionQueries supervision, CancellationToken cancellationToken) =>
        TypedResults.Ok((await supervision.EscalationsAsync(user, instanceId, department, since, limit, cancellationToken)).ToList());

    public static async Task<Results<Ok<List<MetricsRow>>, ProblemHttpResult>> Metrics(
        string? from, string? to, string? groupBy, string? department, ClaimsPrincipal user, SupervisionQueries supervision, CancellationToken cancellationToken)
    {
        if (ParseDate(from) is not { } first)
        {
            return BadRequest($"'from' must be a date as yyyy-MM-dd, not '{from}'.");
        }

        if (ParseDate(to) is not { } last)
        {
            return BadRequest($"'to' must be a date as yyyy-MM-dd, not '{to}'.");
        }

        if (last < first)
        {
            return BadRequest($"'to' ({to}) is before 'from' ({from}).");
        }

        if (last.DayNumber - first.DayNumber > SupervisionMetrics.MaxPeriodDays)
        {
            return BadRequest($"A period may span at most {SupervisionMetrics.MaxPeriodDays} days.");
        }

        var grouping = MetricsGrouping.Matter;
        if (!string.IsNullOrEmpty(groupBy) && (!Enum.TryParse(groupBy, ignoreCase: true, out grouping) || !Enum.IsDefined(grouping) || int.TryParse(groupBy, out _)))
        {
            return BadRequest($"'groupBy' must be matter, department or clerk, not '{groupBy}'.");
        }

        return TypedResults.Ok((await supervision.MetricsAsync(user, first, last, grouping, department, cancellationToken)).ToList());
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
