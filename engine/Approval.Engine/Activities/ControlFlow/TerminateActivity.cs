using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Ends the whole instance at once: every other path, task and timer is cancelled (a case terminated or withdrawn).</summary>
/// <remarks>Unlike <see cref="EndActivity"/>, which ends only the path that reaches it.</remarks>
public sealed class TerminateActivity : Activity
{
    public const string TypeName = "Terminate";

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, Categories.ControlFlow, new("终止流程", "Terminate"),
        new("立即结束整个流程，取消其他分支上的待办和定时器。", "Ends the whole flow at once, cancelling the tasks and timers on every other path."),
        [new InputDescriptor("reason", "String", new("终止原因", "Reason"))],
        []);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        new(ActivityResult.Terminate(context.GetString("reason") ?? "Terminated."));
}
