using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.Engine.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signals/{name}", Send)
            .RequireAuthorization(Policies.SendSignals)
            .WithTags("Signals")
            .WithSummary("Resumes the instances waiting on the signal with that correlationId; only an admin may omit it to reach every instance waiting on the name.");
        return app;
    }

    public static async Task<Results<Ok<SignalResult>, ProblemHttpResult>> Send(string name, SignalRequest? request, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.CorrelationId) && !user.IsInRole(Roles.Admin))
        {
            // A signal without a correlation id reaches every case waiting on that name: a broadcast only an admin may send.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "correlationId is required",
                detail: "Name the case the signal is for in correlationId; only an administrator may signal every waiting instance at once.");
        }

        var results = await runtime.SignalAsync(name, request?.CorrelationId, request?.Payload, user.Actor(), cancellationToken);
        return TypedResults.Ok(new SignalResult(results.Select(r => r.Instance.Id).ToList(), results.Select(RunView.From).ToList()));
    }
}
