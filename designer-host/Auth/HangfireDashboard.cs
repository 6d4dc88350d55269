using Hangfire;
using Hangfire.Dashboard;

namespace Approval.DesignerHost.Auth;

public static class HangfireDashboard
{
    /// <summary>Hangfire's dashboard at <c>/hangfire</c>, for supervisors and administrators signed in through the UI.</summary>
    /// <remarks>
    /// The endpoint's own authorization (cookie sign-in, <see cref="Policies.Supervise"/>) does the guarding, so Hangfire's
    /// local-requests-only default filter is replaced by none: it would lock out every browser not on this machine.
    /// </remarks>
    public static IEndpointConventionBuilder MapHangfireDashboard(this IEndpointRouteBuilder app)
    {
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        var options = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "Approval · Hangfire",
            AppPath = "/",
        };
        return app.MapHangfireDashboard("/hangfire", options, storage).RequireAuthorization(Policies.Supervise);
    }
}
