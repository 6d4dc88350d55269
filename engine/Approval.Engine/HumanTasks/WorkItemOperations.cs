using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.Storage;

namespace Approval.Engine.HumanTasks;

/// <summary>The rules of the task operations that do not decide a task, and what each writes into the commit.</summary>
internal static class WorkItemOperations
{
    /// <summary>Checks the operation against the task's state and adds its rerouting or notifications to <paramref name="commit"/>; returns the task as it will be.</summary>
    /// <exception cref="WorkflowConflictException">The operation does not fit the task's state.</exception>
    public static WorkItem Apply(WorkItem item, WorkItemOperation operation, string actor, DateTimeOffset now, WorkflowCommit commit)
    {
        var after = Copy(item);
        switch (operation.Kind)
        {
            case WorkItemOperationKind.Claim:
                if (item.Assignee is { Length: > 0 } holder && holder != actor)
                {
                    throw new WorkflowConflictException($"The task is already held by '{holder}'.");
                }

                after.Assignee = actor;
                break;
            case WorkItemOperationKind.Release:
                if (item.Assignee != actor)
                {
                    throw new WorkflowConflictException($"Only the holder of the task may release it; it is held by {(item.Assignee is null ? "nobody" : $"'{item.Assignee}'")}.");
                }

                if (item.CandidateRoles.Count == 0 && item.Department is null)
                {
                    throw new WorkflowConflictException("The task was assigned to its holder by name; there are no candidates to release it to. Transfer it instead.");
                }

                if (item.DelegatedBy is not null)
                {
                    throw new WorkflowConflictException("A delegated task goes back to its delegator: resolve it instead.");
                }

                after.Assignee = null;
                break;
            case WorkItemOperationKind.Transfer:
                after.Assignee = Target(operation, item);
                after.DelegatedBy = null;
                break;
            case WorkItemOperationKind.Delegate:
                if (item.DelegatedBy is { } earlier)
                {
                    throw new WorkflowConflictException($"The task is already delegated by '{earlier}'; it must come back before it is delegated again.");
                }

                after.DelegatedBy = item.Assignee ?? actor;
                after.Assignee = Target(operation, item);
                break;
            case WorkItemOperationKind.Resolve:
                if (item.DelegatedBy is not { } delegator)
                {
                    throw new WorkflowConflictException("The task was not delegated; there is nobody to resolve it back to.");
                }

                if (item.Assignee != actor)
                {
                    throw new WorkflowConflictException($"Only the delegate '{item.Assignee}' may resolve the task back.");
                }

                after.Assignee = delegator;
                after.DelegatedBy = null;
                break;
            case WorkItemOperationKind.Urge:
                var holders = item.Assignee is { Length: > 0 } assignee
                    ? [Recipients.User(assignee)]
                    : item.CandidateRoles.Select(r => Recipients.Role(r, item.Department)).ToList();
                foreach (var recipient in holders)
                {
                    commit.Notifications.Add(Notice(item, recipient, "Urge", $"催办：{item.Title}", operation.Comment ?? $"{actor} 催促尽快办理。", now));
                }

                return after;
            case WorkItemOperationKind.CarbonCopy:
                if (operation.Recipients is not { Count: > 0 } users)
                {
                    throw new WorkflowConflictException("A carbon copy needs the users it goes to.");
                }

                foreach (var user in users.Distinct(StringComparer.Ordinal))
                {
                    commit.Notifications.Add(Notice(item, Recipients.User(user), "CarbonCopy", $"抄送：{item.Title}", operation.Comment ?? $"{actor} 抄送此件供知悉。", now));
                }

                return after;
            default:
                throw new WorkflowConflictException($"Operation '{operation.Kind}' is not known.");
        }

        commit.ReroutedWorkItems.Add(new WorkItemRouting(item.BookmarkId, after.Assignee, after.CandidateRoles, after.Department, after.DelegatedBy));
        return after;
    }

    private static string Target(WorkItemOperation operation, WorkItem item) =>
        operation.Target is { Length: > 0 } target
            ? target == item.Assignee ? throw new WorkflowConflictException($"The task is already with '{target}'.") : target
            : throw new WorkflowConflictException($"{operation.Kind} needs the user it goes to.");

    private static Notification Notice(WorkItem item, string recipient, string kind, string title, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Recipient = recipient,
        Kind = kind,
        Title = title,
        Body = body,
        InstanceId = item.InstanceId,
        CorrelationId = item.CorrelationId,
        CreatedAt = now,
    };

    private static WorkItem Copy(WorkItem w) => new()
    {
        Id = w.Id, InstanceId = w.InstanceId, BookmarkId = w.BookmarkId, ActivityId = w.ActivityId, ActivityType = w.ActivityType, Title = w.Title, Assignee = w.Assignee,
        CandidateRoles = [.. w.CandidateRoles], Department = w.Department, DelegatedBy = w.DelegatedBy, DueAt = w.DueAt, LimitWorkingDays = w.LimitWorkingDays,
        Outcomes = [.. w.Outcomes], Status = w.Status, CorrelationId = w.CorrelationId, CreatedAt = w.CreatedAt,
    };
}
