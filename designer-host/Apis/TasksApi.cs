using System.Security.Claims;
using Approval.DesignerHost.Http;
using Approval.DesignerHost.Tasks;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The task inbox: my tasks and my candidates' pool, and what people do with a task — decide it, claim, release,
/// transfer (转办), delegate (委派) and resolve, return (退回), add a signer (加签), urge (催办), carbon copy (抄送).</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/tasks").WithTags("Tasks");
        api.MapGet("", List).WithSummary("scope=mine (held by me), candidate (unheld, offered to my roles in my department) or all (my department; admins: everything); status=open|completed.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/{id:guid}/complete", Complete);
        api.MapPost("/{id:guid}/claim", (Guid id, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Claim), ct));
        api.MapPost("/{id:guid}/release", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Release, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/transfer", (Guid id, TaskActionRequest request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Transfer, request.To, Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/delegate", (Guid id, TaskActionRequest request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Delegate, request.To, Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/resolve", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Resolve, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/urge", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.Urge, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/cc", (Guid id, CarbonCopyRequest request, ClaimsPrincipal user, TaskActions tasks, CancellationToken ct) =>
            OperateAsync(id, user, tasks, new WorkItemOperation(WorkItemOperationKind.CarbonCopy, Recipients: request.To ?? [], Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/return", Return);
        api.MapPost("/{id:guid}/add-signer", AddSigner);
        return app;
    }

    public static async Task<Results<Ok<List<TaskView>>, ProblemHttpResult>> List(string? scope, string? status, ClaimsPrincipal user, TaskInbox inbox, CancellationToken cancellationToken)
    {
        if (!TaskInbox.TryParseStatus(status, out var wanted))
        {
            return Problem(new Refusal(StatusCodes.Status400BadRequest, $"'status' must be open or completed, not '{status}'."));
        }

        if (!TaskInbox.TryParseScope(scope, out var which))
        {
            return Problem(new Refusal(StatusCodes.Status400BadRequest, $"'scope' must be mine, candidate or all, not '{scope}'."));
        }

        if (which == TaskScope.All && !TaskInbox.MaySeeAll(user))
        {
            return Problem(new Refusal(StatusCodes.Status403Forbidden, "Only approvers, chief representatives, supervisors and admins see all of a department's tasks."));
        }

        return TypedResults.Ok((await inbox.ListAsync(user, which, wanted, cancellationToken)).ToList());
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Complete(
        Guid id, CompleteWorkItemRequest request, ClaimsPrincipal user, TaskActions tasks, CancellationToken cancellationToken) =>
        Answer(await tasks.CompleteAsync(id, user, request.Outcome, request.Comment, request.Data, cancellationToken));

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Return(
        Guid id, ReturnRequest? request, ClaimsPrincipal user, TaskActions tasks, CancellationToken cancellationToken) =>
        Answer(await tasks.ReturnAsync(id, user, request?.To, request?.Comment, cancellationToken));

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> AddSigner(
        Guid id, AddSignerRequest request, ClaimsPrincipal user, TaskActions tasks, CancellationToken cancellationToken) =>
        Answer(await tasks.AddSignerAsync(id, user, request.Signer, request.Comment, cancellationToken));

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> OperateAsync(
        Guid id, ClaimsPrincipal user, TaskActions tasks, WorkItemOperation operation, CancellationToken cancellationToken)
    {
        var result = await tasks.OperateAsync(id, user, operation, cancellationToken);
        return result.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(TaskView.From(result.Value!, null));
    }

    private static Results<Ok<RunView>, ProblemHttpResult> Answer(Attempt<RunResult> result) =>
        result.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(RunView.From(result.Value!));

    private static ProblemHttpResult Problem(Refusal refusal) =>
        TypedResults.Problem(refusal.Detail, statusCode: refusal.StatusCode, title: refusal.Title);
}

public sealed record TaskActionRequest(string? To, string? Comment);

public sealed record CarbonCopyRequest(IReadOnlyList<string>? To, string? Comment);

public sealed record ReturnRequest(string? To, string? Comment);

public sealed record AddSignerRequest(string? Signer, string? Comment);
