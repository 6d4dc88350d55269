using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;
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
        api.MapPost("/{id:guid}/claim", (Guid id, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayClaim, new WorkItemOperation(WorkItemOperationKind.Claim), ct));
        api.MapPost("/{id:guid}/release", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayComplete, new WorkItemOperation(WorkItemOperationKind.Release, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/transfer", (Guid id, TaskActionRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayComplete, new WorkItemOperation(WorkItemOperationKind.Transfer, request.To, Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/delegate", (Guid id, TaskActionRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayComplete, new WorkItemOperation(WorkItemOperationKind.Delegate, request.To, Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/resolve", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, (u, item) => item.Assignee == u.Actor(), new WorkItemOperation(WorkItemOperationKind.Resolve, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/urge", (Guid id, TaskActionRequest? request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayUrge, new WorkItemOperation(WorkItemOperationKind.Urge, Comment: request?.Comment), ct));
        api.MapPost("/{id:guid}/cc", (Guid id, CarbonCopyRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken ct) =>
            OperateAsync(id, user, store, runtime, WorkItemAccess.MayComplete, new WorkItemOperation(WorkItemOperationKind.CarbonCopy, Recipients: request.To ?? [], Comment: request.Comment), ct));
        api.MapPost("/{id:guid}/return", Return);
        api.MapPost("/{id:guid}/add-signer", AddSigner);
        return app;
    }

    public static async Task<Results<Ok<List<TaskView>>, ProblemHttpResult>> List(
        string? scope, string? status, ClaimsPrincipal user, IWorkflowStore store, IClockStore clocks, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        WorkItemStatus wanted;
        switch (status ?? "open")
        {
            case "open": wanted = WorkItemStatus.Open; break;
            case "completed": wanted = WorkItemStatus.Completed; break;
            default: return Problem(StatusCodes.Status400BadRequest, $"'status' must be open or completed, not '{status}'.");
        }

        var me = user.Actor();
        var department = user.IsInRole(Roles.Admin) ? null : user.Department();
        IReadOnlyList<WorkItem> items;
        switch (scope ?? "mine")
        {
            case "mine":
                items = await store.QueryWorkItemsAsync(new WorkItemQuery(wanted, Assignee: me), cancellationToken);
                break;
            case "candidate":
                // Role membership lives in a JSON column, so the pool is read by department and filtered by role here.
                var pool = await store.QueryWorkItemsAsync(new WorkItemQuery(wanted, Unassigned: true, Department: department, IncludeWithoutDepartment: true, Max: 1000), cancellationToken);
                items = [.. pool.Where(w => WorkItemAccess.MayComplete(user, w)).Take(200)];
                break;
            case "all":
                if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Approver) && !user.IsInRole(Roles.ChiefRepresentative))
                {
                    return Problem(StatusCodes.Status403Forbidden, "Only approvers, chief representatives, supervisors and admins see all of a department's tasks.");
                }

                items = await store.QueryWorkItemsAsync(new WorkItemQuery(wanted, Department: department), cancellationToken);
                break;
            default:
                return Problem(StatusCodes.Status400BadRequest, $"'scope' must be mine, candidate or all, not '{scope}'.");
        }

        var now = time.GetUtcNow();
        var calendar = calendars.Current;

        // One query for the whole page's case clocks, not one per task.
        var open = await clocks.ListOpenForInstancesAsync([.. items.Select(i => i.InstanceId).Distinct()], cancellationToken);
        var caseLevels = open.GroupBy(c => c.InstanceId).ToDictionary(g => g.Key, g => g.Max(c => c.LevelAt(now)));
        var views = items
            .Select(item => TaskView.From(item, TaskDeadline.For(item, calendar, now, item.Status == WorkItemStatus.Open ? caseLevels.GetValueOrDefault(item.InstanceId) : WarningLevel.Normal)))
            .ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Complete(
        Guid id, CompleteWorkItemRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, store, WorkItemAccess.MayComplete, cancellationToken) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(RunView.From(await runtime.CompleteWorkItemAsync(id, request.Outcome ?? "", request.Comment, request.Data, user.Actor(), cancellationToken)));
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> Return(
        Guid id, ReturnRequest? request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, store, WorkItemAccess.MayComplete, cancellationToken) is { } problem)
        {
            return problem;
        }

        var item = (await store.FindWorkItemAsync(id, cancellationToken))!;
        if (!item.Outcomes.Contains("Return", StringComparer.Ordinal))
        {
            return Problem(StatusCodes.Status409Conflict, $"'{item.Title}' cannot be returned: its outcomes are {string.Join(", ", item.Outcomes)}.");
        }

        var data = new JsonObject { ["returnTo"] = request?.To };
        return TypedResults.Ok(RunView.From(await runtime.CompleteWorkItemAsync(id, "Return", request?.Comment, data, user.Actor(), cancellationToken)));
    }

    public static async Task<Results<Ok<RunView>, ProblemHttpResult>> AddSigner(
        Guid id, AddSignerRequest request, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, store, WorkItemAccess.MayComplete, cancellationToken) is { } problem)
        {
            return problem;
        }

        var item = (await store.FindWorkItemAsync(id, cancellationToken))!;
        if (item.ActivityType != "ApprovalTask")
        {
            return Problem(StatusCodes.Status409Conflict, $"Signers can be added to approval tasks only; '{item.Title}' is a {item.ActivityType ?? "task"}.");
        }

        if (string.IsNullOrWhiteSpace(request.Signer))
        {
            return Problem(StatusCodes.Status400BadRequest, "'signer' (the user to add) is required.");
        }

        var payload = new JsonObject { ["operation"] = "addSigner", ["signer"] = request.Signer, ["comment"] = request.Comment };
        return TypedResults.Ok(RunView.From(await runtime.ResumeWorkItemAsync(id, payload, user.Actor(), cancellationToken)));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> OperateAsync(
        Guid id, ClaimsPrincipal user, IWorkflowStore store, WorkflowRuntime runtime, Func<ClaimsPrincipal, WorkItem, bool> mayAct, WorkItemOperation operation, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, store, mayAct, cancellationToken) is { } problem)
        {
            return problem;
        }

        var after = await runtime.OperateWorkItemAsync(id, operation, user.Actor(), cancellationToken);
        return TypedResults.Ok(TaskView.From(after, null));
    }

    private static async Task<ProblemHttpResult?> FindAsync(Guid id, ClaimsPrincipal user, IWorkflowStore store, Func<ClaimsPrincipal, WorkItem, bool> mayAct, CancellationToken cancellationToken)
    {
        if (await store.FindWorkItemAsync(id, cancellationToken) is not { } item)
        {
            return Problem(StatusCodes.Status404NotFound, $"Task {id} does not exist.");
        }

        if (item.Status == WorkItemStatus.Open && !mayAct(user, item))
        {
            return Problem(StatusCodes.Status403Forbidden, $"'{user.Actor()}' may not do that to this task: it is {(item.Assignee is { } a ? $"held by '{a}'" : $"offered to {string.Join(" or ", item.CandidateRoles)}")}{(item.Department is { } d ? $" in {d}" : "")}.");
        }

        return null;
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "Bad request" });
}

public sealed record TaskActionRequest(string? To, string? Comment);

public sealed record CarbonCopyRequest(IReadOnlyList<string>? To, string? Comment);

public sealed record ReturnRequest(string? To, string? Comment);

public sealed record AddSignerRequest(string? Signer, string? Comment);

/// <summary>A task as the inbox lists it (the contract's fields, plus who delegated it and its limit).</summary>
public sealed record TaskView(
    Guid Id,
    Guid ApplicationId,
    string? CaseNumber,
    string Title,
    string? ActivityType,
    string ActivityId,
    string? Assignee,
    IReadOnlyList<string> CandidateRoles,
    string? Department,
    string? DelegatedBy,
    WorkItemStatus Status,
    DateOnly? DueDate,
    int? RemainingWorkingDays,
    WarningLevel? WarningLevel,
    IReadOnlyList<string> AllowedOutcomes,
    DateTimeOffset CreatedAt)
{
    public static TaskView From(WorkItem w, TaskDeadline? deadline) => new(
        w.Id, w.InstanceId, w.CorrelationId, w.Title, w.ActivityType, w.ActivityId, w.Assignee, w.CandidateRoles, w.Department, w.DelegatedBy, w.Status,
        deadline?.DueDate, deadline?.RemainingWorkingDays, deadline?.WarningLevel, w.Outcomes, w.CreatedAt);
}
