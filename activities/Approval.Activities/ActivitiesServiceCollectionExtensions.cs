using Approval.Activities.Acceptance;
using Approval.Activities.Cases;
using Approval.Activities.Clocks;
using Approval.Activities.Results;
using Approval.Activities.Review;
using Approval.Engine.Activities;
using Approval.Engine.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>Every government-service activity type, in toolbox order.</summary>
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(StartClockActivity), typeof(PauseClockActivity), typeof(ResumeClockActivity), typeof(ExtendDeadlineActivity),
        typeof(StopClockActivity), typeof(DeadlineTimerActivity),
        typeof(AcceptOnReceiptActivity), typeof(OneTimeDeficiencyNoticeActivity), typeof(DeficiencyTolerantAcceptanceActivity),
        typeof(InformedCommitmentActivity), typeof(CommitmentVerificationActivity), typeof(OnTheSpotHandlingActivity),
        typeof(SpecialProcedureActivity), typeof(HearingActivity), typeof(ApprovalTaskActivity),
        typeof(IssueLicenceActivity), typeof(RejectApplicationActivity), typeof(ArchiveActivity),
    ];

    /// <summary>Every activity, rendering documents with the shipped templates and no store: for runner-only tests and tools.</summary>
    public static IReadOnlyList<Activity> All { get; } = Create(new DocumentIssuer(new DocumentRenderer(TimeProvider.System)));

    /// <summary>Every activity, issuing documents through <paramref name="documents"/>; <paramref name="store"/> lets the archive read the case file.</summary>
    public static IReadOnlyList<Activity> Create(DocumentIssuer documents, IDocumentStore? store = null)
    {
        var provider = new FixedServices(documents, store);
        return [.. Types.Select(t => (Activity)ActivatorUtilities.CreateInstance(provider, t))];
    }

    /// <summary>Just the two services activities take, for building them without a container.</summary>
    private sealed class FixedServices(DocumentIssuer documents, IDocumentStore? store) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(DocumentIssuer) ? documents
            : serviceType == typeof(IDocumentStore) ? store
            : null;
    }

    /// <summary>Registers the government-service activities with the engine's registry.</summary>
    /// <remarks>Each is a singleton <see cref="Activity"/>; the engine's registry picks up every such registration next to its built-ins.</remarks>
    public static IServiceCollection AddApprovalActivities(this IServiceCollection services)
    {
        services.AddSingleton<DocumentIssuer>();
        foreach (var type in Types)
        {
            services.AddSingleton(typeof(Activity), type);
        }

        return services;
    }
}
