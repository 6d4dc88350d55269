using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>The parsed graph of one definition version: what the runner executes and the validator checks.</summary>
/// <remarks>Parsed once per version and cached; a published version never changes, so the cache never goes stale.</remarks>
public sealed class WorkflowDefinition
{
    public required string DefinitionId { get; init; }

    public int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public required Flowchart Root { get; init; }

    /// <summary>Data that travels with the definition and is versioned with it (Elsa's <c>customProperties</c>), e.g. a matter's guide.</summary>
    public JsonObject? CustomProperties { get; init; }

    /// <summary>The same definition numbered as <paramref name="version"/>.</summary>
    public WorkflowDefinition WithVersion(int version) => new()
    {
        DefinitionId = DefinitionId,
        Version = version,
        Name = Name,
        Description = Description,
        Variables = Variables,
        Root = Root,
        CustomProperties = CustomProperties,
    };

    /// <summary>The flowchart indexed for traversal, built on first use.</summary>
    public FlowGraph Graph => _graph ??= new FlowGraph(Root);

    private FlowGraph? _graph;
}

/// <summary>A workflow variable with its declared type and initial value.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, JsonNode? Value);

/// <summary>The root container: activities joined by outcome-named connections.</summary>
public sealed class Flowchart
{
    public string Id { get; init; } = "flowchart";

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}

/// <summary>One activity placed on the flowchart: its type, its inputs and the designer's metadata.</summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } = new Dictionary<string, InputValue>();

    public JsonObject? Metadata { get; init; }

    public InputValue? Input(string name) => Inputs.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An input as Elsa 3 writes it: <c>{typeName, expression:{type, value}}</c>.</summary>
public sealed record InputValue(string TypeName, string ExpressionType, JsonNode? Value)
{
    /// <summary>True when the input carries nothing: no value, or an empty literal.</summary>
    public bool IsEmpty => Value is null || (Value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    public static InputValue Literal(string typeName, JsonNode? value) => new(typeName, ExpressionTypes.Literal, value);
}

/// <summary>A connection from one activity's outcome port to another activity.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>A stable key for the connection, used to track which inbound paths reached a join.</summary>
    public string Key => $"{Source.Activity}:{Source.Port}->{Target.Activity}";
}

public sealed record Endpoint(string Activity, string Port);
