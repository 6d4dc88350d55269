using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.Engine.Execution;

namespace Approval.DesignerHost.Cases;

/// <summary>Which cases a user may look at: an administrator every case, everyone else the cases of their own department —
/// the competent one, or the office that received the case (全市通办: any office accepts any matter and keeps answering
/// the applicant about it).</summary>
/// <remarks>
/// The competent department is the one the matter's guide (or the package's) names; it travels in the instance's input.
/// An instance that is not a case (a flow run from the designer) has none and holds no applicant's data: everyone signed
/// in may look at it, as the people its tasks go to must.
/// </remarks>
public static class CaseAccess
{
    public static string? DepartmentOf(JsonObject input) =>
        JsonValues.StringOf((input["guide"] as JsonObject)?["department"]) ?? JsonValues.StringOf((input["package"] as JsonObject)?["department"]);

    public static string? AcceptingOfficeOf(JsonObject input) => JsonValues.StringOf((input["application"] as JsonObject)?["acceptingOffice"]);

    public static bool MaySee(ClaimsPrincipal user, JsonObject input) => MaySee(user, DepartmentOf(input), AcceptingOfficeOf(input));

    public static bool MaySee(ClaimsPrincipal user, string? department, string? acceptingOffice = null) =>
        user.IsInRole(Roles.Admin)
        || department is null
        || (user.Department() is { } mine && (mine == department || mine == acceptingOffice));
}
