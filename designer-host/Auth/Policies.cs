using Microsoft.AspNetCore.Authorization;

namespace Approval.DesignerHost.Auth;

/// <summary>The authorization policies of the API. Reads need only a signed-in user; these guard the writes.</summary>
public static class Policies
{
    /// <summary>Create, save, publish, retract, roll back and import definitions; run them from the designer.</summary>
    public const string DesignWorkflows = nameof(DesignWorkflows);

    /// <summary>Cancel and retry instances.</summary>
    public const string OperateInstances = nameof(OperateInstances);

    /// <summary>Send signals to waiting instances.</summary>
    /// <remarks>
    /// Window clerks may signal as well as analysts and admins: at the window they record what the applicant brings
    /// (a supplement, a payment), which is what a signal is for. Approvers act through their work items instead.
    /// </remarks>
    public const string SendSignals = nameof(SendSignals);

    /// <summary>Receive applications at the window, record supplements and withdrawals.</summary>
    public const string ReceiveApplications = nameof(ReceiveApplications);

    /// <summary>Administer the system: load holiday notices, move simulated time.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Watch deadlines: alerts and the escalation log.</summary>
    public const string Supervise = nameof(Supervise);

    public static AuthorizationBuilder AddApprovalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(DesignWorkflows, p => p.RequireRole(Roles.BusinessAnalyst, Roles.Admin))
        .AddPolicy(OperateInstances, p => p.RequireRole(Roles.BusinessAnalyst, Roles.Admin))
        .AddPolicy(SendSignals, p => p.RequireRole(Roles.BusinessAnalyst, Roles.WindowClerk, Roles.Admin))
        .AddPolicy(ReceiveApplications, p => p.RequireRole(Roles.WindowClerk, Roles.ChiefRepresentative, Roles.Admin))
        .AddPolicy(Administer, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
}
