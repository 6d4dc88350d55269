namespace Approval.DesignerHost.Auth;

/// <summary>The roles a user can hold; the names are the ones tokens carry and the contract uses.</summary>
public static class Roles
{
    /// <summary>Designs, publishes and test-runs workflow definitions.</summary>
    public const string BusinessAnalyst = "BusinessAnalyst";

    /// <summary>Receives applications at the window (窗口人员).</summary>
    public const string WindowClerk = "WindowClerk";

    /// <summary>Reviews and decides cases (审核/审批人).</summary>
    public const string Approver = "Approver";

    /// <summary>The chief representative (首席事务代表) who may decide on the spot.</summary>
    public const string ChiefRepresentative = "ChiefRepresentative";

    /// <summary>Watches deadlines and escalations (效能监督).</summary>
    public const string Supervisor = "Supervisor";

    public const string Admin = "Admin";
}
