using Approval.DesignerHost.Auth;

namespace Approval.DesignerHost.Seeding;

/// <summary>The demo users of the contract: one per role, password = user name.</summary>
public static class DemoUsers
{
    public const string DataBureau = "市政务服务数据管理局";
    public const string MarketRegulation = "市市场监督管理局";

    public static IReadOnlyList<DirectoryUser> All { get; } =
    [
        new("analyst", "业务分析员", DataBureau, [Roles.BusinessAnalyst]),
        new("clerk", "窗口受理员", MarketRegulation, [Roles.WindowClerk]),
        new("reviewer", "审核人", MarketRegulation, [Roles.Approver]),
        new("chief", "首席事务代表", MarketRegulation, [Roles.ChiefRepresentative]),
        new("supervisor", "效能监督员", MarketRegulation, [Roles.Supervisor]),
        new("admin", "系统管理员", DataBureau, [Roles.Admin]),
    ];

    public static void AddTo(UserDirectory directory)
    {
        foreach (var user in All)
        {
            directory.Add(user, user.UserName);
        }
    }
}
