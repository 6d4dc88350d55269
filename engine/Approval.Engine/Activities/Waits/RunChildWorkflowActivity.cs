using System.Text.Json.Nodes;
using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;
using Approval.Engine.Scheduling;

namespace Approval.Engine.Activities.Waits;

/// <summary>Starts the published version of another definition as a child, waits for it, and takes its variables as output.</summary>
/// <remarks>
/// The child is started from the outbox after this commit, with the bookmark's id as its own id: a repeated dispatch
/// finds the id taken and starts nothing. The child's completion resumes this bookmark the same way, so neither side
/// can be lost or doubled by a crash.
/// </remarks>
public sealed class RunChildWorkflowActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "RunChildWorkflow", Categories.Waits, new("子流程", "Run child workflow"),
        new("启动另一个已发布流程作为子流程，等待其完成并取回结果。", "Starts another published flow as a child, waits for it and takes its output."),
        [
            new InputDescriptor("definitionId", "String", new("子流程定义", "Definition"), Required: true),
            new InputDescriptor("input", "Object", new("输入", "Input")),
            new InputDescriptor("correlationId", "String", new("子流程关联标识", "Child correlation id")),
            new InputDescriptor("resultVariable", "String", new("结果变量", "Result variable"), LiteralOnly: true),
        ],
        ["Done", "Failed"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var definitionId = context.GetString("definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            throw new InvalidOperationException("The child definition id evaluated to nothing.");
        }

        var bookmark = context.CreateBookmark(BookmarkKinds.ChildWorkflow, payload: new JsonObject { ["definitionId"] = definitionId });
        context.Enqueue(OutboxKinds.StartChild, new StartChildRequest(bookmark.Id, context.Instance.Id, bookmark.Id, definitionId, context.GetObject("input"), CorrelationOf(context)));
        return new(ActivityResult.Wait(bookmark));
    }

    /// <summary>The child's own correlation id when given (a package's matter has its own case number), else the parent's.</summary>
    private static string? CorrelationOf(ActivityExecutionContext context) =>
        context.GetString("correlationId") is { Length: > 0 } own ? own : context.Instance.CorrelationId;

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        if (InputConversions.ToText(context.Node.Input("resultVariable")?.Value) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, stimulus.Payload?["output"]);
        }

        var status = InputConversions.ToText(stimulus.Payload?["status"]);
        return new(status == "Completed" ? ActivityResult.Done : ActivityResult.Complete("Failed"));
    }
}
