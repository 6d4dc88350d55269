using Approval.Activities;
using Approval.Workflows.Applications;
using Approval.Workflows.Catalogue;
using Approval.Workflows.Supervision;
using Approval.Engine.Summaries;
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
        services.AddSingleton<IInstanceSummarizer, CaseSummarizer>();
        services.AddScoped<SupervisionMetrics>();
        return services;
    }
}
