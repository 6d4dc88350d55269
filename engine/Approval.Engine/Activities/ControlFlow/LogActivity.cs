using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Writes a message into the instance's journal (Elsa's WriteLine lands here on import).</summary>
public sealed class LogActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Log", Categories.Data, new("记录日志", "Log"), new("向流程日志写入一条消息。", "Writes a message into the flow's journal."),
        [new InputDescriptor("message", "String", new("消息", "Message"), Required: true)],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.Log(context.GetString("message") ?? "");
        return new(ActivityResult.Done);
    }
}
