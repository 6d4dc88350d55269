using Approval.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Registers the matter catalogue and applications on top of the activities.</summary>
    /// <remarks>The catalogue (matters, packages, applications) arrives with the catalogue issue; today this brings the activities.</remarks>
    public static IServiceCollection AddApprovalWorkflows(this IServiceCollection services) => services.AddApprovalActivities();
}
