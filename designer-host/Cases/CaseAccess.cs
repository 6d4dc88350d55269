using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.Engine.Execution;

namespace Approval.DesignerHost.Cases;

/// <summary>Which cases a user may look at: an administrator every case, everyone else the cases of their own department.</summary>
/// <remarks>
/// The department is the one the matter's guide names (it travels in the instance's input). An instance that is not a
/// case (a flow run from the designer) has none; analysts and administrators, who run those, may look at it.
/// </remarks>
public static class CaseAccess
{
    public static string? DepartmentOf(JsonObject input) => JsonValues.StringOf((input["guide"] as JsonObject)?["department"]);

    public static bool MaySee(ClaimsPrincipal user, string? department) =>
        user.IsInRole(Roles.Admin)
        || (department is null ? user.IsInRole(Roles.BusinessAnalyst) : string.Equals(department, user.Department(), StringComparison.Ordinal));
}
