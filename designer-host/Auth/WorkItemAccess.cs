using System.Security.Claims;
using Approval.Engine.HumanTasks;

namespace Approval.DesignerHost.Auth;

/// <summary>Who may act on a work item.</summary>
/// <remarks>
/// An admin may act on any item; the assignee on theirs; otherwise a user who holds one of the candidate roles, and,
/// when the item names a department, works in it. An item for a department alone is open to everyone in it. The
/// full task rules (claim, transfer, delegate) come with the task inbox; this is the engine-level check.
/// </remarks>
public static class WorkItemAccess
{
    public static bool MayComplete(ClaimsPrincipal user, WorkItem item)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (item.Assignee is { Length: > 0 } assignee && string.Equals(assignee, user.Actor(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var inDepartment = item.Department is not { Length: > 0 } department || string.Equals(department, user.Department(), StringComparison.Ordinal);
        if (item.CandidateRoles.Count > 0)
        {
            return inDepartment && item.CandidateRoles.Any(user.IsInRole);
        }

        return item.Department is { Length: > 0 } && inDepartment;
    }
}
