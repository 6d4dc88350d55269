using Approval.Activities.Clocks;
using Approval.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>The government-service activities, for hosts and tests that build a registry by hand.</summary>
    public static IReadOnlyList<Activity> All { get; } =
    [
        new StartClockActivity(), new PauseClockActivity(), new ResumeClockActivity(), new ExtendDeadlineActivity(),
        new StopClockActivity(), new DeadlineTimerActivity(),
    ];

    /// <summary>Registers the government-service activities with the engine's registry.</summary>
    /// <remarks>Each is a singleton <see cref="Activity"/>; the engine's registry picks up every such registration next to its built-ins.</remarks>
    public static IServiceCollection AddApprovalActivities(this IServiceCollection services)
    {
        foreach (var activity in All)
        {
            services.AddSingleton(activity);
        }

        return services;
    }
}
