using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.Waits;

/// <summary>Waits for a named signal with a matching correlation id (a supplement, a payment, an outside decision).</summary>
public sealed class WaitForSignalActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "WaitForSignal", Categories.Waits, new("等待信号", "Wait for signal"),
        new("等待指定名称与关联号的外部信号，信号内容可存入变量。", "Waits for a signal with this name and correlation id; its payload can go into a variable."),
        [
            new InputDescriptor("signal", "String", new("信号名称", "Signal"), Required: true),
            new InputDescriptor("correlationId", "String", new("关联号", "Correlation id")),
            new InputDescriptor("resultVariable", "String", new("结果变量", "Result variable"), LiteralOnly: true),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var signal = context.GetString("signal");
        if (string.IsNullOrWhiteSpace(signal))
        {
            throw new InvalidOperationException("The signal name evaluated to nothing.");
        }

        var correlationId = context.GetString("correlationId") ?? context.Instance.CorrelationId;
        return new(ActivityResult.Wait(context.CreateBookmark(BookmarkKinds.Signal, signal, correlationId)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        if (InputConversions.ToText(context.Node.Input("resultVariable")?.Value) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, stimulus.Payload);
        }

        return new(ActivityResult.Done);
    }
}
