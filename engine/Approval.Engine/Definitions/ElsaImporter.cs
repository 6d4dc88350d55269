using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>Turns an Elsa 3 workflow export into our definition, for the flowchart subset we have activities for.</summary>
/// <remarks>
/// Elsa type names map to ours and a few inputs are renamed (Delay's <c>timeSpan</c> is our Timer's <c>duration</c>).
/// Elsa flowcharts need no explicit Start or End; where they lack them we add them, connected to the activities with no
/// inbound and no outbound connections, so the imported flow validates and runs the way it ran in Elsa.
/// Everything we cannot carry over is reported together, so one import attempt lists every problem.
/// </remarks>
public static class ElsaImporter
{
    private sealed record Mapping(string Type, IReadOnlyDictionary<string, string>? Renames = null);

    private static readonly Dictionary<string, Mapping> Types = new(StringComparer.Ordinal)
    {
        ["Elsa.Start"] = new("Start"),
        ["Elsa.End"] = new("End"),
        ["Elsa.Finish"] = new("End"),
        ["Elsa.Complete"] = new("End"),
        ["Elsa.FlowDecision"] = new("Decision"),
        ["Elsa.FlowSwitch"] = new("Switch"),
        ["Elsa.FlowFork"] = new("Fork"),
        ["Elsa.FlowJoin"] = new("Join"),
        ["Elsa.SetVariable"] = new("SetVariable"),
        ["Elsa.WriteLine"] = new("Log", new Dictionary<string, string> { ["text"] = "message" }),
        ["Elsa.Delay"] = new("Timer", new Dictionary<string, string> { ["timeSpan"] = "duration" }),
        ["Elsa.StartAt"] = new("Timer", new Dictionary<string, string> { ["dateTime"] = "until" }),
        ["Elsa.Event"] = new("WaitForSignal", new Dictionary<string, string> { ["eventName"] = "signal" }),
        ["Elsa.ExecuteWorkflow"] = new("RunChildWorkflow", new Dictionary<string, string> { ["workflowDefinitionId"] = "definitionId" }),
        ["Elsa.DispatchWorkflow"] = new("RunChildWorkflow", new Dictionary<string, string> { ["workflowDefinitionId"] = "definitionId" }),
        ["Elsa.RunTask"] = new("HumanTask", new Dictionary<string, string> { ["taskName"] = "title" }),
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase) { "JavaScript", "CSharp", "Python", "C#" };

    /// <summary>Converts an export; throws with every problem found when something cannot be carried over.</summary>
    /// <exception cref="InvalidDefinitionException">Unknown activity types or expression languages, listed together.</exception>
    public static WorkflowDefinition Convert(JsonObject export)
    {
        var errors = new List<DefinitionError>();
        if (export["root"] is not JsonObject root || root["activities"] is not JsonArray activities)
        {
            throw new DefinitionFormatException("This is not an Elsa 3 export: it has no root flowchart with activities.");
        }

        var rootType = DefinitionJson.GetString(root, "type");
        if (rootType is not null && rootType is not ("Elsa.Flowchart" or "Flowchart"))
        {
            throw new InvalidDefinitionException([new DefinitionError("unsupported-root", $"Only flowchart workflows can be imported; this root is '{rootType}'.")]);
        }

        var converted = new JsonArray();
        foreach (var item in activities)
        {
            if (item is not JsonObject activity)
            {
                continue;
            }

            var id = DefinitionJson.GetString(activity, "id") ?? "";
            var type = DefinitionJson.GetString(activity, "type") ?? "";
            if (!Types.TryGetValue(type, out var mapping))
            {
                errors.Add(new DefinitionError("unknown-type", $"Elsa activity type '{type}' has no counterpart here.", id));
                continue;
            }

            converted.Add(ConvertActivity(activity, id, mapping, errors));
        }

        var connections = new JsonArray();
        if (root["connections"] is JsonArray elsaConnections)
        {
            foreach (var item in elsaConnections)
            {
                if (DefinitionJson.ReadConnection(item) is { } connection)
                {
                    connections.Add(new JsonObject
                    {
                        ["source"] = new JsonObject { ["activity"] = connection.Source.Activity, ["port"] = connection.Source.Port },
                        ["target"] = new JsonObject { ["activity"] = connection.Target.Activity, ["port"] = "In" },
                    });
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDefinitionException(errors);
        }

        AddMissingStartAndEnd(converted, connections, DefinitionJson.GetString(root, "start"));
        var document = new JsonObject
        {
            ["definitionId"] = DefinitionJson.GetString(export, "definitionId") ?? DefinitionJson.GetString(export, "id"),
            ["name"] = DefinitionJson.GetString(export, "name"),
            ["description"] = DefinitionJson.GetString(export, "description"),
            ["variables"] = ConvertVariables(export["variables"]),
            ["root"] = new JsonObject { ["id"] = DefinitionJson.GetString(root, "id") ?? "flowchart", ["type"] = "Flowchart", ["activities"] = converted, ["connections"] = connections },
        };
        return DefinitionJson.Read(document);
    }

    private static JsonObject ConvertActivity(JsonObject activity, string id, Mapping mapping, List<DefinitionError> errors)
    {
        var result = new JsonObject { ["id"] = id, ["type"] = mapping.Type };
        if (DefinitionJson.GetString(activity, "name") is { } name)
        {
            result["name"] = name;
        }

        result["metadata"] = activity["metadata"]?.DeepClone() ?? new JsonObject();
        foreach (var (property, value) in activity)
        {
            if (value is not JsonObject wrapper)
            {
                continue;
            }

            var target = mapping.Renames?.GetValueOrDefault(property) ?? property;
            if (wrapper["expression"] is JsonObject expression)
            {
                var language = DefinitionJson.GetString(expression, "type") ?? "Literal";
                if (Unsupported.Contains(language))
                {
                    errors.Add(new DefinitionError("unsupported-expression", $"Input '{property}' is written in {language}, which is not supported here; rewrite it as a Scriban expression.", id, property));
                    continue;
                }

                result[target] = new JsonObject
                {
                    ["typeName"] = DefinitionJson.GetString(wrapper, "typeName") ?? "Object",
                    ["expression"] = new JsonObject { ["type"] = language, ["value"] = expression["value"]?.DeepClone() },
                };
            }
            else if (property is "variable" && (wrapper["name"] ?? wrapper["id"]) is { } reference)
            {
                // Elsa's SetVariable points at a variable object rather than wrapping an expression.
                result["variable"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = reference.DeepClone() } };
            }
        }

        if (mapping.Type == "Switch" && activity["cases"] is JsonArray cases)
        {
            result["cases"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = cases.DeepClone() } };
        }

        if (mapping.Type == "Join" && activity["mode"] is JsonValue mode)
        {
            var text = mode.ToString() is "WaitAny" ? "WaitAny" : "WaitAll";
            result["mode"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = text } };
        }

        if (mapping.Type == "Fork" && activity["branches"] is JsonArray branches)
        {
            result["branches"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = branches.DeepClone() } };
        }

        if (mapping.Type == "HumanTask" && result["candidateRoles"] is null && result["assignee"] is null)
        {
            // RunTask names no one; approvers may take it until an analyst assigns it properly.
            result["candidateRoles"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = new JsonArray("Approver") } };
        }

        return result;
    }

    private static void AddMissingStartAndEnd(JsonArray activities, JsonArray connections, string? startActivity)
    {
        var nodes = activities.OfType<JsonObject>().ToList();
        var ids = nodes.Select(a => DefinitionJson.GetString(a, "id")!).ToList();
        var targets = connections.Select(c => c!["target"]!["activity"]!.GetValue<string>()).ToHashSet();
        var sources = connections.Select(c => c!["source"]!["activity"]!.GetValue<string>()).ToHashSet();

        if (!nodes.Any(a => DefinitionJson.GetString(a, "type") == "Start"))
        {
            var firsts = startActivity is not null && ids.Contains(startActivity) ? [startActivity] : ids.Where(id => !targets.Contains(id)).ToList();
            activities.Add(new JsonObject { ["id"] = "imported-start", ["type"] = "Start", ["metadata"] = new JsonObject() });
            foreach (var first in firsts)
            {
                connections.Add(Connect("imported-start", "Done", first));
            }
        }

        if (!nodes.Any(a => DefinitionJson.GetString(a, "type") == "End"))
        {
            activities.Add(new JsonObject { ["id"] = "imported-end", ["type"] = "End", ["metadata"] = new JsonObject() });
            foreach (var last in nodes.Where(a => !sources.Contains(DefinitionJson.GetString(a, "id")!)))
            {
                var port = DefinitionJson.GetString(last, "type") switch
                {
                    "Decision" => null,
                    "Switch" => null,
                    _ => "Done",
                };
                if (port is not null)
                {
                    connections.Add(Connect(DefinitionJson.GetString(last, "id")!, port, "imported-end"));
                }
            }
        }
    }

    private static JsonObject Connect(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static JsonArray ConvertVariables(JsonNode? variables)
    {
        var result = new JsonArray();
        if (variables is JsonArray array)
        {
            foreach (var variable in array.OfType<JsonObject>())
            {
                result.Add(new JsonObject
                {
                    ["id"] = variable["id"]?.DeepClone(),
                    ["name"] = variable["name"]?.DeepClone(),
                    ["typeName"] = variable["typeName"]?.DeepClone(),
                    ["value"] = variable["value"]?.DeepClone(),
                });
            }
        }

        return result;
    }
}
