using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Tasks;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The engine-level human task: read a work item and complete it with one of its outcomes.</summary>
/// <remarks>The task inbox of the contract (<c>/api/tasks</c>: claim, transfer, return, urge) builds on this in a later issue.</remarks>
public static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/work-items").WithTags("Work items");
        api.MapGet("/{workItemId:guid}", GetWorkItem).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{workItemId:guid}/complete", Complete)
            .WithSummary("Completes a work item as its assignee, a holder of one of its candidate roles, or an admin.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<WorkItemView>, ProblemHttpResult>> GetWorkItem(Guid workItemId, IWorkflowStore store, TaskInbox inbox, CancellationToken cancellationToken) =>
        await store.FindWorkItemAsync(workItemId, cancellationToken) is { } item
            ? TypedResults.Ok(WorkItemView.From(item, await inbox.DeadlineOfAsync(item, cancellationToken)))
            : TypedResults.Problem($"Work item {workItemId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Complete(
        Guid workItemId, CompleteWorkItemRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await store.FindWorkItemAsync(workItemId, cancellationToken) is not { } item)
        {
            return TypedResults.Problem($"Work item {workItemId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (!WorkItemAccess.MayComplete(user, item))
        {
            return TypedResults.Problem(
                $"'{user.Actor()}' may not complete this work item: it is for {DescribeAudience(item)}.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden");
        }

        var result = await runtime.CompleteWorkItemAsync(workItemId, request.Outcome ?? "", request.Comment, request.Data, user.Actor(), cancellationToken);
        return TypedResults.Ok(RunView.From(result));
    }

    private static string DescribeAudience(WorkItem item)
    {
        var parts = new List<string>();
        if (item.Assignee is { Length: > 0 })
        {
            parts.Add($"user '{item.Assignee}'");
        }

        if (item.CandidateRoles.Count > 0)
        {
            parts.Add($"role {string.Join(" or ", item.CandidateRoles)}");
        }

        if (item.Department is { Length: > 0 })
        {
            parts.Add($"department {item.Department}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "nobody but an admin";
    }
}
