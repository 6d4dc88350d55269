using System.Security.Claims;
using Approval.Engine.HumanTasks;

namespace Approval.DesignerHost.Auth;

/// <summary>Who may act on a work item.</summary>
/// <remarks>
/// An admin may act on any item; the assignee on theirs; otherwise a user who holds one of the candidate roles, and,
/// when the item names a department, works in it. An item for a department alone is open to everyone in it. The
/// holder of a task decides it, transfers or delegates it, copies or adds signers; a supervisor or window clerk may urge it.
/// </remarks>
public static class WorkItemAccess
{
    /// <summary>A candidate may claim a task offered to one of its roles in its department (if someone holds it already, that is a conflict, not a refusal).</summary>
    public static bool MayClaim(ClaimsPrincipal user, WorkItem item) => user.IsInRole(Roles.Admin) || IsCandidate(user, item);

    /// <summary>Urging is for those who watch deadlines and those who face the applicant, and for the holder's peers.</summary>
    public static bool MayUrge(ClaimsPrincipal user, WorkItem item) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.WindowClerk) || MayComplete(user, item);

    public static bool MayComplete(ClaimsPrincipal user, WorkItem item)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (item.Assignee is { Length: > 0 } assignee)
        {
            // Once someone holds the task (assigned, claimed, transferred), it is theirs alone.
            return string.Equals(assignee, user.Actor(), StringComparison.OrdinalIgnoreCase);
        }

        return IsCandidate(user, item);
    }

    private static bool IsCandidate(ClaimsPrincipal user, WorkItem item)
    {
        var inDepartment = item.Department is not { Length: > 0 } department || string.Equals(department, user.Department(), StringComparison.Ordinal);
        if (item.CandidateRoles.Count > 0)
        {
            return inDepartment && item.CandidateRoles.Any(user.IsInRole);
        }

        return item.Department is { Length: > 0 } && inDepartment;
    }
}
