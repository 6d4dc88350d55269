using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Sends a token down every branch at once.</summary>
/// <remarks>Branches may be named (Elsa's FlowFork) or all drawn from Done; either way every connection leaving the fork runs.</remarks>
public sealed class ForkActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Fork", Categories.ControlFlow, new("并行分支", "Fork"), new("同时启动所有分支。", "Starts every branch at once."),
        [new InputDescriptor("branches", "String[]", new("分支名称", "Branches"), LiteralOnly: true)],
        ["Done"],
        DynamicOutcomes: true);

    public override IReadOnlyList<string> GetOutcomes(ActivityNode node) =>
        [.. InputConversions.LiteralStrings(node.Input("branches")), "Done"];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        new(ActivityResult.Complete([.. GetOutcomes(context.Node)]));
}
