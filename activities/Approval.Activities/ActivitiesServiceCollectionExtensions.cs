using Microsoft.Extensions.DependencyInjection;

namespace Approval.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>Registers the government-service activities with the engine's registry.</summary>
    /// <remarks>
    /// Each activity is registered as a singleton <see cref="Approval.Engine.Activities.Activity"/>; the engine's registry
    /// picks up every such registration next to its built-ins. The domain activities (receipt, one-time notice,
    /// 容缺, 告知承诺, special procedures, approval tasks) arrive with the activities issue.
    /// </remarks>
    public static IServiceCollection AddApprovalActivities(this IServiceCollection services) => services;
}
