using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Merges parallel paths. The runner handles arrivals itself, because a join needs to see the whole graph.</summary>
public sealed class JoinActivity : Activity
{
    public const string TypeName = "Join";

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, Categories.ControlFlow, new("汇聚", "Join"),
        new("等待所有仍可到达的分支（全部）或第一个到达的分支（任一，并取消其余）。", "Waits for every path that can still arrive (all), or the first to arrive (any, cancelling the rest)."),
        [new InputDescriptor("mode", "String", new("汇聚方式", "Mode"), DefaultValue: JsonValue.Create(nameof(JoinMode.WaitAll)), LiteralOnly: true, Options: [nameof(JoinMode.WaitAll), nameof(JoinMode.WaitAny)])],
        ["Done"]);

    public static JoinMode ModeOf(ActivityNode node) =>
        InputConversions.ToText(node.Input("mode")?.Value) is { } text && Enum.TryParse<JoinMode>(text, ignoreCase: true, out var mode) ? mode : JoinMode.WaitAll;

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var text = InputConversions.ToText(node.Input("mode")?.Value);
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse<JoinMode>(text, ignoreCase: true, out _))
        {
            yield return new DefinitionError("invalid-input", $"Join mode must be WaitAll or WaitAny, not '{text}'.", node.Id, "mode");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        throw new InvalidOperationException("Joins are handled by the runner.");
}

public enum JoinMode
{
    WaitAll,
    WaitAny,
}
