using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Http;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Tasks;

/// <summary>What people do with a task — decide it, claim, release, transfer, delegate, resolve, return, add a signer,
/// urge, carbon copy — each after the same access check, for the API and the task page alike.</summary>
/// <remarks>
/// Refusals that belong to the task (it does not exist, this user may not act on it, it cannot be returned) come back as
/// a <see cref="Refusal"/>; the engine's own exceptions (a task completed already, a rival commit) are thrown as
/// they are, so the API's exception handler and a page's catch block describe them the same way.
/// </remarks>
public sealed class TaskActions(IWorkflowStore store, WorkflowRuntime runtime)
{
    /// <summary>The task, if it exists and this user may act on it with <paramref name="mayAct"/>; a closed task passes, so acting on it is the engine's conflict.</summary>
    public async Task<Attempt<WorkItem>> FindAsync(Guid id, ClaimsPrincipal user, Func<ClaimsPrincipal, WorkItem, bool> mayAct, CancellationToken cancellationToken)
    {
        if (await store.FindWorkItemAsync(id, cancellationToken) is not { } item)
        {
            return new Refusal(StatusCodes.Status404NotFound, $"Task {id} does not exist.");
        }

        if (item.Status == WorkItemStatus.Open && !mayAct(user, item))
        {
            return new Refusal(
                StatusCodes.Status403Forbidden,
                $"'{user.Actor()}' may not do that to this task: it is {(item.Assignee is { } a ? $"held by '{a}'" : $"offered to {string.Join(" or ", item.CandidateRoles)}")}{(item.Department is { } d ? $" in {d}" : "")}.");
        }

        return item;
    }

    /// <summary>Who may do an operation: claim from the pool, urge as a watcher, resolve as the delegate, the rest as the holder.</summary>
    public static Func<ClaimsPrincipal, WorkItem, bool> RuleFor(WorkItemOperationKind kind) => kind switch
    {
        WorkItemOperationKind.Claim => WorkItemAccess.MayClaim,
        WorkItemOperationKind.Urge => WorkItemAccess.MayUrge,
        WorkItemOperationKind.Resolve => (user, item) => item.Assignee == user.Actor(),
        _ => WorkItemAccess.MayComplete,
    };

    public async Task<Attempt<RunResult>> CompleteAsync(Guid id, ClaimsPrincipal user, string? outcome, string? comment, JsonObject? data, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, WorkItemAccess.MayComplete, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        return await runtime.CompleteWorkItemAsync(id, outcome ?? "", comment, data, user.Actor(), cancellationToken);
    }

    /// <summary>An operation that does not decide the task; the task as it now stands.</summary>
    public async Task<Attempt<WorkItem>> OperateAsync(Guid id, ClaimsPrincipal user, WorkItemOperation operation, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, RuleFor(operation.Kind), cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        return await runtime.OperateWorkItemAsync(id, operation, user.Actor(), cancellationToken);
    }

    /// <summary>退回: decides the task with Return, to <paramref name="to"/> (an earlier step's activity id) or along its Return port.</summary>
    public async Task<Attempt<RunResult>> ReturnAsync(Guid id, ClaimsPrincipal user, string? to, string? comment, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, WorkItemAccess.MayComplete, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        if (!MayReturn(item))
        {
            return new Refusal(StatusCodes.Status409Conflict, $"'{item.Title}' cannot be returned: its outcomes are {string.Join(", ", item.Outcomes)}.");
        }

        var data = new JsonObject { ["returnTo"] = to };
        return await runtime.CompleteWorkItemAsync(id, "Return", comment, data, user.Actor(), cancellationToken);
    }

    /// <summary>加签: another approver signs too (after the current one, or beside a single approver as a countersignature).</summary>
    public async Task<Attempt<RunResult>> AddSignerAsync(Guid id, ClaimsPrincipal user, string? signer, string? comment, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, WorkItemAccess.MayComplete, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        if (!MayAddSigner(item))
        {
            return new Refusal(StatusCodes.Status409Conflict, $"Signers can be added to approval tasks only; '{item.Title}' is a {item.ActivityType ?? "task"}.");
        }

        if (string.IsNullOrWhiteSpace(signer))
        {
            return new Refusal(StatusCodes.Status400BadRequest, "'signer' (the user to add) is required.");
        }

        var payload = new JsonObject { ["operation"] = "addSigner", ["signer"] = signer, ["comment"] = comment };
        return await runtime.ResumeWorkItemAsync(id, payload, user.Actor(), cancellationToken);
    }

    /// <summary>Whether a claim would be taken: the task is in the pool and this user is one of its candidates.</summary>
    public static bool MayClaimNow(ClaimsPrincipal user, WorkItem item) =>
        item.Status == WorkItemStatus.Open && item.Assignee is null && WorkItemAccess.MayClaim(user, item);

    /// <summary>Whether a release would be taken (the engine's rules): the holder gives back a task that has candidates and was not delegated.</summary>
    public static bool MayRelease(ClaimsPrincipal user, WorkItem item) =>
        item.Status == WorkItemStatus.Open && item.Assignee == user.Actor() && (item.CandidateRoles.Count > 0 || item.Department is not null) && item.DelegatedBy is null;

    public static bool MayReturn(WorkItem item) => item.Outcomes.Contains("Return", StringComparer.Ordinal);

    public static bool MayAddSigner(WorkItem item) => item.ActivityType == "ApprovalTask";

    /// <summary>The steps a task may be returned to: the case's earlier human steps, oldest first (other than the task's own).</summary>
    public async Task<IReadOnlyList<(string ActivityId, string Title)>> EarlierStepsAsync(WorkItem item, CancellationToken cancellationToken) =>
        [.. (await store.ListWorkItemsAsync(item.InstanceId, cancellationToken))
            .Where(w => w.ActivityId != item.ActivityId && w.CreatedAt <= item.CreatedAt && w.Status == WorkItemStatus.Completed)
            .OrderBy(w => w.CreatedAt)
            .GroupBy(w => w.ActivityId)
            .Select(g => (g.Key, g.First().Title))];
}
