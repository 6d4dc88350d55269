using System.Security.Claims;

namespace Approval.DesignerHost.Auth;

public static class ClaimsPrincipalUserExtensions
{
    /// <summary>The user name the journal records as the actor.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string? Department(this ClaimsPrincipal user) => user.FindFirst(TokenIssuer.DepartmentClaim)?.Value;

    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) => user.FindAll(TokenIssuer.RoleClaim).Select(c => c.Value).ToList();
}
