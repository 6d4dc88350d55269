using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Takes the port of the first case whose condition holds (or of every such case), else Default.</summary>
/// <remarks>Cases are <c>[{"label": "...", "condition": "scriban expression"}]</c>; the labels are the ports, so they must be literal.</remarks>
public sealed class SwitchActivity : Activity
{
    public const string DefaultPort = "Default";

    public override ActivityDescriptor Descriptor { get; } = new(
        "Switch", Categories.ControlFlow, new("多路分支", "Switch"), new("按条件选择分支；都不满足时走“默认”。", "Picks the branch whose condition holds; Default when none does."),
        [
            new InputDescriptor("cases", "Object", new("分支", "Cases"), Required: true, LiteralOnly: true),
            new InputDescriptor("mode", "String", new("匹配方式", "Mode"), DefaultValue: JsonValue.Create("MatchFirst"), LiteralOnly: true, Options: ["MatchFirst", "MatchAny"]),
        ],
        [DefaultPort],
        DynamicOutcomes: true);

    public override IReadOnlyList<string> GetOutcomes(ActivityNode node) => [.. ReadCases(node).Select(c => c.Label), DefaultPort];

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var cases = ReadCases(node);
        foreach (var duplicate in cases.GroupBy(c => c.Label).Where(g => g.Count() > 1))
        {
            yield return new DefinitionError("duplicate-case", $"Case label '{duplicate.Key}' is used more than once.", node.Id, "cases");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = context.GetString("mode") == "MatchAny";
        var matched = new List<string>();
        foreach (var (label, condition) in ReadCases(context.Node))
        {
            var value = context.EvaluateExpression(ExpressionTypes.Scriban, condition, $"cases[{label}]");
            if (InputConversions.ToBoolean(value, $"cases[{label}]"))
            {
                matched.Add(label);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        return new(matched.Count == 0 ? ActivityResult.Complete(DefaultPort) : ActivityResult.Complete([.. matched]));
    }

    /// <summary>The cases as (label, condition text); accepts Elsa's <c>{label, condition:{type, value}}</c> too.</summary>
    internal static IReadOnlyList<(string Label, string Condition)> ReadCases(ActivityNode node)
    {
        var value = node.Input("cases")?.Value;
        if (value is JsonValue text && text.TryGetValue<string>(out var json))
        {
            try
            {
                value = JsonNode.Parse(json);
            }
            catch (System.Text.Json.JsonException)
            {
                return [];
            }
        }

        if (value is not JsonArray array)
        {
            return [];
        }

        var cases = new List<(string, string)>();
        foreach (var item in array.OfType<JsonObject>())
        {
            var label = InputConversions.ToText(item["label"]);
            var condition = item["condition"] is JsonObject wrapped ? InputConversions.ToText(wrapped["value"]) : InputConversions.ToText(item["condition"]);
            if (!string.IsNullOrWhiteSpace(label))
            {
                cases.Add((label, condition ?? "false"));
            }
        }

        return cases;
    }
}
