using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.DesignerHost.Designer;

/// <summary>What changed between two versions of a definition, in the analyst's terms: activities added, removed or changed, and connections.</summary>
/// <remarks>Moving a node on the canvas is not a change of the flow, so designer positions are left out of the comparison.</remarks>
public sealed record DefinitionDiff(
    IReadOnlyList<ActivityNode> AddedActivities,
    IReadOnlyList<ActivityNode> RemovedActivities,
    IReadOnlyList<ActivityChange> ChangedActivities,
    IReadOnlyList<Connection> AddedConnections,
    IReadOnlyList<Connection> RemovedConnections,
    IReadOnlyList<string> ChangedProperties)
{
    public bool IsEmpty =>
        AddedActivities.Count == 0 && RemovedActivities.Count == 0 && ChangedActivities.Count == 0
        && AddedConnections.Count == 0 && RemovedConnections.Count == 0 && ChangedProperties.Count == 0;

    public static DefinitionDiff Between(WorkflowDefinition left, WorkflowDefinition right)
    {
        var before = left.Root.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = right.Root.Activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var changed = new List<ActivityChange>();
        foreach (var (id, old) in before)
        {
            if (after.TryGetValue(id, out var current) && ChangeOf(old, current) is { } change)
            {
                changed.Add(change);
            }
        }

        var oldConnections = left.Root.Connections.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var newConnections = right.Root.Connections.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        var properties = new List<string>();
        if (left.Name != right.Name)
        {
            properties.Add("name");
        }

        if (left.Description != right.Description)
        {
            properties.Add("description");
        }

        if (!JsonNode.DeepEquals(VariablesJson(left), VariablesJson(right)))
        {
            properties.Add("variables");
        }

        var leftCustom = left.CustomProperties ?? [];
        var rightCustom = right.CustomProperties ?? [];
        foreach (var key in leftCustom.Select(p => p.Key).Union(rightCustom.Select(p => p.Key)))
        {
            if (!JsonNode.DeepEquals(leftCustom[key], rightCustom[key]))
            {
                properties.Add($"customProperties.{key}");
            }
        }

        return new DefinitionDiff(
            [.. right.Root.Activities.Where(a => !before.ContainsKey(a.Id))],
            [.. left.Root.Activities.Where(a => !after.ContainsKey(a.Id))],
            changed,
            [.. right.Root.Connections.Where(c => !oldConnections.Contains(c.Key))],
            [.. left.Root.Connections.Where(c => !newConnections.Contains(c.Key))],
            properties);
    }

    private static ActivityChange? ChangeOf(ActivityNode before, ActivityNode after)
    {
        var inputs = before.Inputs.Keys.Union(after.Inputs.Keys, StringComparer.Ordinal)
            .Where(name => !SameInput(before.Input(name), after.Input(name)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var typeChanged = before.Type != after.Type;
        var nameChanged = before.Name != after.Name;
        return typeChanged || nameChanged || inputs.Count > 0 ? new ActivityChange(after.Id, before, after, typeChanged, nameChanged, inputs) : null;
    }

    private static bool SameInput(InputValue? a, InputValue? b) =>
        a is null || b is null ? a is null && b is null : a.ExpressionType == b.ExpressionType && JsonNode.DeepEquals(a.Value, b.Value);

    private static JsonArray VariablesJson(WorkflowDefinition definition) =>
        new([.. definition.Variables.Select(v => (JsonNode)new JsonObject { ["name"] = v.Name, ["typeName"] = v.TypeName, ["value"] = v.Value?.DeepClone() })]);
}

/// <summary>One activity present in both versions that differs: its type, its name or the inputs named.</summary>
public sealed record ActivityChange(string ActivityId, ActivityNode Before, ActivityNode After, bool TypeChanged, bool NameChanged, IReadOnlyList<string> ChangedInputs);
