using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Apis;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Tasks;

/// <summary>Who sees which tasks, and each task's deadline: the listing behind <c>GET /api/tasks</c> and the inbox page.</summary>
public sealed class TaskInbox(IWorkflowStore store, IClockStore clocks, CalendarProvider calendars, TimeProvider time, CaseMatterCache matters)
{
    /// <summary>A department's whole list is for those who decide, represent or watch it, not for the window.</summary>
    public static bool MaySeeAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.ChiefRepresentative);

    public static bool TryParseScope(string? text, out TaskScope scope)
    {
        switch (text ?? "mine")
        {
            case "mine": scope = TaskScope.Mine; return true;
            case "candidate": scope = TaskScope.Candidate; return true;
            case "all": scope = TaskScope.All; return true;
            default: scope = default; return false;
        }
    }

    public static bool TryParseStatus(string? text, out WorkItemStatus status)
    {
        switch (text ?? "open")
        {
            case "open": status = WorkItemStatus.Open; return true;
            case "completed": status = WorkItemStatus.Completed; return true;
            default: status = default; return false;
        }
    }

    /// <summary>The tasks in <paramref name="scope"/> with <paramref name="status"/>, soonest due first, each with its deadline.</summary>
    /// <exception cref="UnauthorizedAccessException"><see cref="TaskScope.All"/> for a user who may not see it (check <see cref="MaySeeAll"/> first).</exception>
    public async Task<IReadOnlyList<TaskView>> ListAsync(ClaimsPrincipal user, TaskScope scope, WorkItemStatus status, CancellationToken cancellationToken) =>
        [.. (await ListEntriesAsync(user, scope, status, cancellationToken)).Select(e => e.View)];

    /// <summary>As <see cref="ListAsync"/>, with each task's work item beside its view, for a page that decides which actions to offer.</summary>
    public async Task<IReadOnlyList<(WorkItem Item, TaskView View)>> ListEntriesAsync(ClaimsPrincipal user, TaskScope scope, WorkItemStatus status, CancellationToken cancellationToken)
    {
        var me = user.Actor();
        var department = user.IsInRole(Roles.Admin) ? null : user.Department();
        IReadOnlyList<WorkItem> items;
        switch (scope)
        {
            case TaskScope.Mine:
                items = await store.QueryWorkItemsAsync(new WorkItemQuery(status, Assignee: me), cancellationToken);
                break;
            case TaskScope.Candidate:
                // Role membership lives in a JSON column, so the pool is read by department and filtered by role here.
                var pool = await store.QueryWorkItemsAsync(new WorkItemQuery(status, Unassigned: true, Department: department, IncludeWithoutDepartment: true, Max: 1000), cancellationToken);
                items = [.. pool.Where(w => WorkItemAccess.MayComplete(user, w)).Take(200)];
                break;
            case TaskScope.All:
                if (!MaySeeAll(user))
                {
                    throw new UnauthorizedAccessException("Only approvers, chief representatives, supervisors and admins see all of a department's tasks.");
                }

                items = await store.QueryWorkItemsAsync(new WorkItemQuery(status, Department: department), cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scope), scope, null);
        }

        var now = time.GetUtcNow();
        var calendar = calendars.Current;

        // One query for the whole page's case clocks, not one per task.
        var open = await clocks.ListOpenForInstancesAsync([.. items.Select(i => i.InstanceId).Distinct()], cancellationToken);
        var caseLevels = open.GroupBy(c => c.InstanceId).ToDictionary(g => g.Key, g => g.Max(c => c.LevelAt(now)));
        return [.. items.Select(item => (item, TaskView.From(item, TaskDeadline.For(item, calendar, now, item.Status == WorkItemStatus.Open ? caseLevels.GetValueOrDefault(item.InstanceId) : WarningLevel.Normal))))];
    }

    /// <summary>One task's deadline: its own limit, made worse by its case's level while it is open.</summary>
    public async Task<TaskDeadline> DeadlineOfAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caseLevel = item.Status != WorkItemStatus.Open
            ? WarningLevel.Normal
            : (await clocks.ListForInstanceAsync(item.InstanceId, cancellationToken)).Where(c => c.Status != ClockStatus.Stopped).Select(c => c.LevelAt(now)).DefaultIfEmpty(WarningLevel.Normal).Max();
        return TaskDeadline.For(item, calendars.Current, now, caseLevel);
    }

    /// <summary>The matter of each task's case, for the inbox's matter column and filter.</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseMatter>> MattersOfAsync(IEnumerable<TaskView> tasks, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, CaseMatter>();
        foreach (var applicationId in tasks.Select(t => t.ApplicationId).Distinct())
        {
            if (!matters.TryGet(applicationId, out var matter))
            {
                if (await store.FindInstanceAsync(applicationId, cancellationToken) is not { } instance)
                {
                    continue;
                }

                var guide = instance.Input["guide"] as JsonObject;
                matter = new CaseMatter(JsonValues.StringOf(guide?["code"]) ?? instance.DefinitionId, JsonValues.StringOf(guide?["name"]) ?? instance.DefinitionId);
                matters.Remember(applicationId, matter);
            }

            result[applicationId] = matter;
        }

        return result;
    }
}
