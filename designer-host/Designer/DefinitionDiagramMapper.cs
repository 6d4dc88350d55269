using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Endpoint = Approval.Engine.Definitions.Endpoint;

namespace Approval.DesignerHost.Designer;

/// <summary>Puts a definition on a diagram and reads it back: activities are nodes, connections are links between outcome and input ports.</summary>
/// <remarks>
/// Reading back gives the same definition that was put on (activity and connection order, inputs, metadata, header),
/// with each activity's <c>metadata.designer.position</c> set to where its node now stands. Activities without a
/// position are placed by <see cref="LayeredLayout"/>. A connection from a port the activity does not offer keeps an
/// (obsolete) port so it survives to be reported by the validator; one to or from an activity that does not exist cannot
/// be drawn and is dropped.
/// </remarks>
public sealed class DefinitionDiagramMapper(ActivityRegistry registry)
{
    /// <summary>Clears <paramref name="diagram"/> and draws <paramref name="definition"/> on it; returns what is not on the canvas.</summary>
    public DefinitionHeader Load(Diagram diagram, WorkflowDefinition definition)
    {
        var layout = PlacementFor(definition.Root);
        var nodes = new Dictionary<string, ActivityNodeModel>(StringComparer.Ordinal);
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            foreach (var activity in definition.Root.Activities)
            {
                if (nodes.ContainsKey(activity.Id))
                {
                    // A duplicate id cannot be told apart on the canvas; the validator names it on the first.
                    continue;
                }

                var (x, y) = layout[activity.Id];
                var node = CreateNode(activity.Type, activity.Id, new Point(x, y));
                node.Name = activity.Name;
                node.Metadata = activity.Metadata?.DeepClone() as JsonObject;
                foreach (var (name, input) in activity.Inputs)
                {
                    node.Inputs[name] = input;
                }

                RefreshPorts(node);
                nodes[activity.Id] = node;
                diagram.Nodes.Add(node);
            }

            foreach (var connection in definition.Root.Connections)
            {
                if (!nodes.TryGetValue(connection.Source.Activity, out var source) || !nodes.TryGetValue(connection.Target.Activity, out var target))
                {
                    continue;
                }

                var port = source.OutcomePort(connection.Source.Port) ?? source.AddObsoletePort(connection.Source.Port);
                diagram.Links.Add(Link(port, target.InputPort));
            }
        });

        return DefinitionHeader.From(definition);
    }

    /// <summary>A new node for an activity type, with the type's default outcome ports.</summary>
    public ActivityNodeModel CreateNode(string type, string activityId, Point position)
    {
        var node = new ActivityNodeModel(position, activityId, type, registry.Find(type)?.Descriptor);
        RefreshPorts(node);
        return node;
    }

    /// <summary>Matches a node's outcome ports to what its type offers for its current inputs (a task's outcomes, a switch's cases).</summary>
    public bool RefreshPorts(ActivityNodeModel node) =>
        node.SyncOutcomePorts(registry.Find(node.Type) is { } activity ? activity.GetOutcomes(node.ToActivityNode()) : []);

    /// <summary>A link drawn the way the designer draws connections.</summary>
    public static LinkModel Link(ActivityPortModel source, ActivityPortModel target) =>
        new(source, target) { TargetMarker = LinkMarker.Arrow };

    /// <summary>The definition the diagram shows.</summary>
    public static WorkflowDefinition Read(Diagram diagram, DefinitionHeader header)
    {
        var activities = diagram.Nodes.OfType<ActivityNodeModel>().Select(node => new ActivityNode
        {
            Id = node.ActivityId,
            Type = node.Type,
            Name = string.IsNullOrWhiteSpace(node.Name) ? null : node.Name,
            Inputs = new Dictionary<string, InputValue>(node.Inputs, StringComparer.Ordinal),
            Metadata = WithPosition(node.Metadata, node.Position),
        }).ToList();

        var connections = new List<Connection>();
        foreach (var link in diagram.Links)
        {
            if (ConnectionOf(link.Source.Model, link.Target.Model) is { } connection)
            {
                connections.Add(connection);
            }
        }

        return new WorkflowDefinition
        {
            DefinitionId = header.DefinitionId,
            Version = header.Version,
            Name = string.IsNullOrWhiteSpace(header.Name) ? header.DefinitionId : header.Name,
            Description = string.IsNullOrWhiteSpace(header.Description) ? null : header.Description,
            Variables = [.. header.Variables],
            Root = new Flowchart { Id = header.RootId, Activities = activities, Connections = connections },
            CustomProperties = header.CustomProperties is { Count: > 0 } custom ? (JsonObject)custom.DeepClone() : null,
        };
    }

    /// <summary>The definition's JSON as the API stores it.</summary>
    public static string ReadJson(Diagram diagram, DefinitionHeader header) => DefinitionJson.WriteString(Read(diagram, header));

    /// <summary>A link between two activity ports as a connection, whichever way it was drawn; null for a link still being dragged.</summary>
    private static Connection? ConnectionOf(object? from, object? to) => (from, to) switch
    {
        (ActivityPortModel { IsInput: false } source, ActivityPortModel { IsInput: true } target) =>
            new Connection(new Endpoint(source.Activity.ActivityId, source.Name), new Endpoint(target.Activity.ActivityId, ActivityPortModel.InputName)),
        (ActivityPortModel { IsInput: true } target, ActivityPortModel { IsInput: false } source) =>
            new Connection(new Endpoint(source.Activity.ActivityId, source.Name), new Endpoint(target.Activity.ActivityId, ActivityPortModel.InputName)),
        _ => null,
    };

    /// <summary>Where each activity goes: its stored position, else the layered layout (below the placed ones when some are placed).</summary>
    private static Dictionary<string, (double X, double Y)> PlacementFor(Flowchart flowchart)
    {
        var placed = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var activity in flowchart.Activities)
        {
            if (PositionOf(activity.Metadata) is { } position)
            {
                placed.TryAdd(activity.Id, position);
            }
        }

        if (placed.Count == flowchart.Activities.Count)
        {
            return placed;
        }

        var top = placed.Count == 0 ? 0 : placed.Values.Max(p => p.Y) + LayeredLayout.RowGap;
        foreach (var (id, (x, y)) in LayeredLayout.Compute(flowchart))
        {
            placed.TryAdd(id, (x, top + y));
        }

        return placed;
    }

    private static (double X, double Y)? PositionOf(JsonObject? metadata) =>
        metadata?["designer"]?["position"] is JsonObject position && Number(position["x"]) is { } x && Number(position["y"]) is { } y ? (x, y) : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;

    private static JsonObject WithPosition(JsonObject? metadata, Point position)
    {
        var result = metadata?.DeepClone() as JsonObject ?? [];
        if (result["designer"] is not JsonObject designer)
        {
            designer = [];
            result["designer"] = designer;
        }

        designer["position"] = new JsonObject { ["x"] = Coordinate(position.X), ["y"] = Coordinate(position.Y) };
        return result;
    }

    /// <summary>Whole pixels are written as integers, so a definition that was not moved reads back exactly as it was.</summary>
    private static JsonNode Coordinate(double value)
    {
        var rounded = Math.Round(value, 1);
        return rounded == Math.Floor(rounded) && Math.Abs(rounded) < int.MaxValue ? JsonValue.Create((int)rounded) : JsonValue.Create(rounded);
    }
}
