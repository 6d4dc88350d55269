using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Takes the True or the False port depending on a condition.</summary>
public sealed class DecisionActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Decision", Categories.ControlFlow, new("条件判断", "Decision"), new("条件为真走“是”，否则走“否”。", "Takes True when the condition holds, else False."),
        [new InputDescriptor("condition", "Boolean", new("条件", "Condition"), Required: true)],
        ["True", "False"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        new(ActivityResult.Complete(context.GetBoolean("condition") ? "True" : "False"));
}
