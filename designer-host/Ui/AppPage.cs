using System.Security.Claims;
using Approval.DesignerHost.Auth;

namespace Approval.DesignerHost.Ui;

/// <summary>The pages in the app bar, each shown to the roles that can use it.</summary>
public sealed record AppPage(string Id, string Href, string Chinese, string English, IReadOnlyList<string> Roles)
{
    private static readonly IReadOnlyList<AppPage> All =
    [
        new("designer", "/designer", "流程设计", "Designer", [Auth.Roles.BusinessAnalyst, Auth.Roles.Admin]),
        new("window", "/window", "窗口收件", "Window desk", [Auth.Roles.WindowClerk, Auth.Roles.ChiefRepresentative, Auth.Roles.Admin]),
        new("inbox", "/inbox", "待办任务", "Inbox", [Auth.Roles.Approver, Auth.Roles.ChiefRepresentative, Auth.Roles.WindowClerk, Auth.Roles.Admin]),
        new("cases", "/cases", "办件查询", "Cases", []),
        new("supervision", "/supervision", "效能监督", "Supervision", [Auth.Roles.Supervisor, Auth.Roles.Admin]),
    ];

    /// <summary>The links this user may follow; an empty role list means every signed-in user.</summary>
    public static IEnumerable<AppPage> For(ClaimsPrincipal user) =>
        All.Where(link => link.Roles.Count == 0 || link.Roles.Any(user.IsInRole));
}
