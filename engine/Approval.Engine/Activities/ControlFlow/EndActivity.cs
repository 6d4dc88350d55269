using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Ends the path that reaches it; the instance completes when every path has ended.</summary>
public sealed class EndActivity : Activity
{
    public const string TypeName = "End";

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, Categories.ControlFlow, new("结束", "End"), new("结束到达它的路径；所有路径结束后流程完成。", "Ends the path that reaches it; the flow completes when every path has ended."),
        [], []);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => new(ActivityResult.Complete());
}
