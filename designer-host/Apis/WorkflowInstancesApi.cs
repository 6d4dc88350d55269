using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>Running definitions from the designer and looking after their instances.</summary>
public static class WorkflowInstancesApi
{
    public static IEndpointRouteBuilder MapWorkflowInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/workflow-definitions/{definitionId}/execute", Execute)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithTags("Workflow instances")
            .WithSummary("Runs a new instance of the published version until it completes or waits.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var api = app.MapGroup("/workflow-instances").WithTags("Workflow instances").RequireCaseAccess("instanceId", "Instance");
        api.MapGet("/{instanceId:guid}", GetInstance)
            .WithSummary("An instance: status, version, variables, bookmarks, work items, journal and incident.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{instanceId:guid}/cancel", Cancel)
            .RequireAuthorization(Policies.OperateInstances)
            .WithSummary("Cancels a running or waiting instance; its bookmarks and open work items go with it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId:guid}/withdraw", Withdraw)
            .RequireAuthorization(Policies.SendSignals)
            .WithSummary("The applicant withdraws the case (撤回), recorded at the window; refused once an approval step has decided.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId:guid}/bookmarks/{bookmarkId:guid}/resume", Resume)
            .RequireAuthorization(Policies.OperateInstances)
            .WithSummary("Resumes one bookmark (a timer, a signal wait, a child wait) exactly once; a second resume is a conflict. Human tasks are completed through their work item.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{instanceId:guid}/retry", Retry)
            .RequireAuthorization(Policies.OperateInstances)
            .WithSummary("Runs a faulted instance's failed activity again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<RunView>> Execute(
        string definitionId, ExecuteRequest? request, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var result = await runtime.StartAsync(definitionId, new StartOptions(request?.Input, request?.CorrelationId, user.Actor()), cancellationToken);
        return TypedResults.Ok(RunView.From(result));
    }

    public static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetInstance(Guid instanceId, InstanceReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(instanceId, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem($"Instance {instanceId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static async Task<Ok<RunView>> Withdraw(
        Guid instanceId, CancelRequest? request, ClaimsPrincipal user, Approval.Workflows.Applications.ApplicationService applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(RunView.From(await applications.WithdrawAsync(instanceId, user.Actor(), request?.Reason, cancellationToken)));

    public static async Task<Ok<RunView>> Cancel(Guid instanceId, CancelRequest? request, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? $"Cancelled by {user.Actor()}." : request.Reason;
        return TypedResults.Ok(RunView.From(await runtime.CancelAsync(instanceId, user.Actor(), reason, cancellationToken)));
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Resume(
        Guid instanceId, Guid bookmarkId, ResumeRequest? request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(instanceId, cancellationToken) is null)
        {
            return TypedResults.Problem($"Instance {instanceId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var bookmark = await store.FindBookmarkAsync(bookmarkId, cancellationToken);
        if (bookmark is not null && bookmark.InstanceId != instanceId)
        {
            return TypedResults.Problem($"Bookmark {bookmarkId} belongs to another instance.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (bookmark?.Kind == Approval.Engine.Bookmarks.BookmarkKinds.HumanTask)
        {
            // A task's outcome must come with the checks on who may decide it.
            return TypedResults.Problem($"Bookmark {bookmarkId} is a human task; complete work item {bookmarkId} instead.", statusCode: StatusCodes.Status400BadRequest, title: "Complete the work item");
        }

        return TypedResults.Ok(RunView.From(await runtime.ResumeAsync(bookmarkId, request?.Payload, user.Actor(), cancellationToken)));
    }

    public static async Task<Ok<RunView>> Retry(Guid instanceId, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        TypedResults.Ok(RunView.From(await runtime.RetryAsync(instanceId, user.Actor(), cancellationToken)));
}
