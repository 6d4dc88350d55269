using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Supervision;
using Approval.Engine.Clocks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>What supervisors watch: open cases by warning level, and the escalation log. A supervisor sees its department; an admin sees all.</summary>
public static class SupervisionApi
{
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
}
