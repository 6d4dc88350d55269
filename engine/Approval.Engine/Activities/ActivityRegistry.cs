using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Activities.Waits;

namespace Approval.Engine.Activities;

/// <summary>The activity types this engine can run, by type name. Register domain activities next to the built-ins.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<Activity> activities)
    {
        foreach (var activity in activities)
        {
            if (!_activities.TryAdd(activity.Descriptor.Type, activity))
            {
                throw new InvalidOperationException($"Activity type '{activity.Descriptor.Type}' is registered twice.");
            }
        }
    }

    /// <summary>The engine's own activity types.</summary>
    public static IReadOnlyList<Activity> BuiltIns { get; } =
    [
        new StartActivity(), new EndActivity(), new DecisionActivity(), new SwitchActivity(), new ForkActivity(),
        new JoinActivity(), new SetVariableActivity(), new LogActivity(), new TimerActivity(), new WaitForSignalActivity(),
        new RunChildWorkflowActivity(), new HumanTaskActivity(), new TerminateActivity(),
    ];

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type);

    public Activity? Find(string type) => _activities.GetValueOrDefault(type);

    public bool Contains(string type) => _activities.ContainsKey(type);
}
