using System.Text.Json.Nodes;

namespace Approval.Engine.Activities;

/// <summary>A text in Chinese (the default UI language) and English.</summary>
public sealed record LocalizedText(string Zh, string En);

/// <summary>What the designer, the validator and the API know about an activity type.</summary>
/// <param name="Type">The type name written in definitions, e.g. <c>HumanTask</c>.</param>
/// <param name="Category">The toolbox group, e.g. <c>ControlFlow</c>.</param>
/// <param name="Outcomes">The fixed outcome ports; activities whose ports depend on their inputs say so with <paramref name="DynamicOutcomes"/>.</param>
/// <param name="DynamicOutcomes">When true, the ports come from the inputs (switch cases, fork branches, task outcomes).</param>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    LocalizedText DisplayName,
    LocalizedText Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool DynamicOutcomes = false);

/// <summary>One input of an activity type.</summary>
/// <param name="TypeName">The value type: <c>String</c>, <c>Boolean</c>, <c>Int32</c>, <c>Double</c>, <c>TimeSpan</c>, <c>DateTimeOffset</c>, <c>String[]</c> or <c>Object</c>.</param>
/// <param name="LiteralOnly">True when the input shapes the graph (ports, modes) and so must be a literal, not an expression.</param>
/// <param name="Options">The allowed values, for inputs that pick one of a few.</param>
public sealed record InputDescriptor(
    string Name,
    string TypeName,
    LocalizedText DisplayName,
    bool Required = false,
    JsonNode? DefaultValue = null,
    bool LiteralOnly = false,
    IReadOnlyList<string>? Options = null);
