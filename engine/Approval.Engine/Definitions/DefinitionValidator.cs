using Approval.Engine.Activities;
using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;

namespace Approval.Engine.Definitions;

/// <summary>Checks a definition against the rules a publishable flow must meet, and says where each problem is.</summary>
public sealed class DefinitionValidator(ActivityRegistry registry, ScribanExpressionEvaluator expressions)
{
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        var activities = definition.Root.Activities;

        foreach (var duplicate in activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            errors.Add(new DefinitionError("duplicate-id", $"Activity id '{duplicate.Key}' is used by {duplicate.Count()} activities.", duplicate.Key));
        }

        foreach (var node in activities)
        {
            var activity = registry.Find(node.Type);
            if (activity is null)
            {
                errors.Add(new DefinitionError("unknown-type", $"Activity type '{node.Type}' does not exist.", node.Id));
                continue;
            }

            CheckInputs(node, activity, errors);
            errors.AddRange(activity.Validate(node, definition));
        }

        CheckConnections(definition, errors);
        CheckShape(definition, errors);
        return errors;
    }

    private void CheckInputs(ActivityNode node, Activity activity, List<DefinitionError> errors)
    {
        foreach (var (name, input) in node.Inputs)
        {
            var descriptor = activity.Descriptor.Inputs.FirstOrDefault(i => i.Name == name);
            if (!ExpressionTypes.Supported.Contains(input.ExpressionType))
            {
                errors.Add(new DefinitionError("unsupported-expression", $"Expression language '{input.ExpressionType}' is not supported; use Literal, Object, Variable, Scriban or Liquid.", node.Id, name));
                continue;
            }

            if (descriptor is { LiteralOnly: true } && input.ExpressionType is not (ExpressionTypes.Literal or ExpressionTypes.Object))
            {
                errors.Add(new DefinitionError("literal-required", $"Input '{name}' shapes the flow and must be a literal value, not a {input.ExpressionType} expression.", node.Id, name));
                continue;
            }

            if (input.ExpressionType is ExpressionTypes.Scriban or ExpressionTypes.Liquid)
            {
                var text = InputConversions.ToText(input.Value) ?? "";
                foreach (var message in expressions.Check(input.ExpressionType, text))
                {
                    errors.Add(new DefinitionError("expression-syntax", $"The expression does not parse: {message}", node.Id, name));
                }
            }
            else if (descriptor is not null && input.ExpressionType == ExpressionTypes.Literal && !input.IsEmpty)
            {
                CheckLiteral(node, name, descriptor.TypeName, input, errors);
            }
        }

        foreach (var required in activity.Descriptor.Inputs.Where(i => i.Required && i.DefaultValue is null))
        {
            if (node.Input(required.Name) is not { IsEmpty: false })
            {
                errors.Add(new DefinitionError("missing-input", $"Input '{required.Name}' ({required.DisplayName.Zh}) is required.", node.Id, required.Name));
            }
        }

        if (activity is SwitchActivity && SwitchActivity.ReadCases(node) is { Count: > 0 } cases)
        {
            foreach (var (label, condition) in cases)
            {
                foreach (var message in expressions.Check(ExpressionTypes.Scriban, condition))
                {
                    errors.Add(new DefinitionError("expression-syntax", $"The condition of case '{label}' does not parse: {message}", node.Id, "cases"));
                }
            }
        }
    }

    private static void CheckLiteral(ActivityNode node, string name, string typeName, InputValue input, List<DefinitionError> errors)
    {
        try
        {
            _ = typeName switch
            {
                "Boolean" => (object)InputConversions.ToBoolean(input.Value, name),
                "Int32" => InputConversions.ToInt32(input.Value, name),
                "TimeSpan" => InputConversions.ToDuration(input.Value, name),
                "DateTimeOffset" => InputConversions.ToInstant(input.Value, name),
                "String[]" => InputConversions.ToStrings(input.Value, name),
                _ => null,
            };
        }
        catch (FormatException ex)
        {
            errors.Add(new DefinitionError("invalid-input", ex.Message, node.Id, name));
        }
    }

    private void CheckConnections(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var graph = definition.Graph;
        foreach (var connection in definition.Root.Connections)
        {
            if (!graph.Activities.TryGetValue(connection.Source.Activity, out var source))
            {
                errors.Add(new DefinitionError("missing-activity", $"A connection starts at activity '{connection.Source.Activity}', which does not exist.", connection.Source.Activity));
            }
            else if (registry.Find(source.Type) is { } activity && !activity.GetOutcomes(source).Contains(connection.Source.Port, StringComparer.Ordinal))
            {
                var ports = activity.GetOutcomes(source);
                errors.Add(new DefinitionError("missing-port", $"Activity '{source.Id}' has no outcome port '{connection.Source.Port}'; its ports are: {(ports.Count == 0 ? "none" : string.Join(", ", ports))}.", source.Id));
            }

            if (!graph.Activities.ContainsKey(connection.Target.Activity))
            {
                errors.Add(new DefinitionError("missing-activity", $"A connection from '{connection.Source.Activity}' leads to activity '{connection.Target.Activity}', which does not exist.", connection.Source.Activity));
            }
            else if (connection.Target.Port is not ("In" or ""))
            {
                errors.Add(new DefinitionError("missing-port", $"Activity '{connection.Target.Activity}' has one input port, 'In', not '{connection.Target.Port}'.", connection.Target.Activity));
            }
        }
    }

    private void CheckShape(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var graph = definition.Graph;
        var starts = definition.Root.Activities.Where(a => a.Type == StartActivity.TypeName).ToList();
        if (starts.Count == 0)
        {
            errors.Add(new DefinitionError("no-start", "The flow has no Start activity."));
            return;
        }

        foreach (var extra in starts.Skip(1))
        {
            errors.Add(new DefinitionError("multiple-starts", $"The flow has {starts.Count} Start activities; keep one.", extra.Id));
        }

        var reachable = graph.ReachableFrom([starts[0].Id]);
        foreach (var node in definition.Root.Activities.Where(a => !reachable.Contains(a.Id)))
        {
            errors.Add(new DefinitionError("unreachable", $"Activity '{node.Name ?? node.Id}' cannot be reached from Start.", node.Id));
        }

        if (!definition.Root.Activities.Any(a => a.Type is EndActivity.TypeName or TerminateActivity.TypeName && reachable.Contains(a.Id)))
        {
            errors.Add(new DefinitionError("no-end", "No End or Terminate activity can be reached from Start.", starts[0].Id));
        }
        else
        {
            CheckWayOut(definition, reachable, errors);
        }

        foreach (var join in definition.Root.Activities.Where(a => a.Type == JoinActivity.TypeName))
        {
            var inbound = graph.Inbound(join.Id).Select(c => c.Key).Distinct().Count();
            if (inbound < 2)
            {
                errors.Add(new DefinitionError("join-single-path", $"Join '{join.Name ?? join.Id}' has {inbound} inbound path; a join needs at least two.", join.Id));
            }
        }
    }

    /// <summary>Loops are legal (退回补正 goes round until approved), but a loop every way out of which leads back in never ends.</summary>
    private void CheckWayOut(WorkflowDefinition definition, HashSet<string> reachable, List<DefinitionError> errors)
    {
        var graph = definition.Graph;
        var finishes = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var id in reachable)
        {
            if (graph.Activities.TryGetValue(id, out var node) && EndsAPath(node, graph))
            {
                finishes.Add(id);
                pending.Push(id);
            }
        }

        while (pending.Count > 0)
        {
            foreach (var connection in graph.Inbound(pending.Pop()))
            {
                if (reachable.Contains(connection.Source.Activity) && finishes.Add(connection.Source.Activity))
                {
                    pending.Push(connection.Source.Activity);
                }
            }
        }

        foreach (var node in definition.Root.Activities.Where(a => reachable.Contains(a.Id) && !finishes.Contains(a.Id)).DistinctBy(a => a.Id))
        {
            errors.Add(new DefinitionError("no-way-out", $"Activity '{node.Name ?? node.Id}' is on a loop with no way out: no End, Terminate or unconnected outcome can be reached from it.", node.Id));
        }
    }

    /// <summary>A path can end here: an End or Terminate, or an outcome with nothing connected (that path simply completes).</summary>
    /// <remarks>Unknown types count as ends: they are reported as unknown already, and guessing their ports would add noise.</remarks>
    private bool EndsAPath(ActivityNode node, FlowGraph graph)
    {
        if (node.Type is EndActivity.TypeName or TerminateActivity.TypeName || registry.Find(node.Type) is not { } activity)
        {
            return true;
        }

        var connected = graph.Outbound(node.Id).Where(c => graph.Activities.ContainsKey(c.Target.Activity)).Select(c => c.Source.Port).ToHashSet(StringComparer.Ordinal);
        return connected.Count == 0 || activity.GetOutcomes(node).Any(port => !connected.Contains(port));
    }
}
