using Approval.Activities;
using Approval.Workflows.Applications;
using Approval.Workflows.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Registers the matter catalogue and applications on top of the activities.</summary>
    public static IServiceCollection AddApprovalWorkflows(this IServiceCollection services)
    {
        services.AddApprovalActivities();
        services.AddSingleton<MatterCodeIndex>();
        services.AddScoped<MatterCatalogue>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<ApplicationReader>();
        return services;
    }
}
