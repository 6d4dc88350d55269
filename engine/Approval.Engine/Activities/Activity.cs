using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities;

/// <summary>An activity type: its descriptor and its behaviour when it runs and when a bookmark it made is resumed.</summary>
/// <remarks>
/// Instances are shared by every workflow that uses the type, so an activity keeps no state of its own: what it must
/// remember between execute and resume goes into <see cref="ActivityExecutionContext.SetData"/> or the bookmark payload.
/// </remarks>
public abstract class Activity
{
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>The ports this placed activity can complete through; by default the descriptor's fixed outcomes.</summary>
    public virtual IReadOnlyList<string> GetOutcomes(ActivityNode node) => Descriptor.Outcomes;

    /// <summary>Rules beyond required inputs and parsable expressions, checked when a definition is validated.</summary>
    public virtual IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition) => [];

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Runs when a bookmark this activity created is resumed; by default the activity completes through <c>Done</c>.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus) =>
        new(ActivityResult.Done);
}
