using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Where every instance begins; a definition has exactly one.</summary>
public sealed class StartActivity : Activity
{
    public const string TypeName = "Start";

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, Categories.ControlFlow, new("开始", "Start"), new("流程的起点，每个流程有且只有一个。", "Where the flow begins; exactly one per flow."),
        [], ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => new(ActivityResult.Done);
}
