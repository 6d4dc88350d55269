using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.DesignerHost.Designer;

/// <summary>The parts of a definition that are not on the canvas: its id, name, description, variables and custom properties (the matter guide).</summary>
public sealed class DefinitionHeader
{
    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<VariableDefinition> Variables { get; set; } = [];

    /// <summary>Elsa's <c>customProperties</c>; the matter guide is its <c>matter</c> member.</summary>
    public JsonObject? CustomProperties { get; set; }

    /// <summary>The flowchart's own id, carried through unchanged.</summary>
    public string RootId { get; set; } = "flowchart";

    public static DefinitionHeader From(WorkflowDefinition definition) => new()
    {
        DefinitionId = definition.DefinitionId,
        Version = definition.Version,
        Name = definition.Name,
        Description = definition.Description,
        Variables = [.. definition.Variables],
        CustomProperties = definition.CustomProperties?.DeepClone() as JsonObject,
        RootId = definition.Root.Id,
    };
}
