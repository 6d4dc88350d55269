using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>Reads and writes definitions in Elsa 3's JSON shape.</summary>
/// <remarks>
/// Inputs are sibling properties of an activity object, recognised by their <c>expression</c> member; everything
/// else we do not understand on an activity is dropped rather than echoed back, so the stored JSON is always canonical.
/// </remarks>
public static class DefinitionJson
{
    /// <summary>Deeper nesting than this is refused before it can cost stack or memory.</summary>
    public const int MaxDepth = 64;

    /// <summary>More activities than this in one flowchart is refused as unreasonable input.</summary>
    public const int MaxActivities = 2_000;

    public const int MaxConnections = 10_000;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly HashSet<string> NonInputProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "connections", "start", "variables",
    };

    /// <summary>Parses text into a JSON object, turning every syntax problem into a located <see cref="DefinitionFormatException"/>.</summary>
    public static JsonObject ParseObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, NodeOptions, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new DefinitionFormatException($"The definition is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}");
        }

        RequireWholeCharacters(json);
        return node as JsonObject ?? throw new DefinitionFormatException("The definition must be a JSON object.");
    }

    /// <summary>
    /// A <c>\uD800</c> escape without its other half parses, but fails only when the string is first read, deep inside
    /// whatever reads it; one pass over every string here turns that into a format error up front.
    /// </summary>
    private static void RequireWholeCharacters(string json)
    {
        if (!json.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            throw new DefinitionFormatException($"The definition holds a \\u escape that is half of a surrogate pair (near byte {reader.TokenStartIndex + 1}); send whole characters.");
        }
    }

    /// <summary>Reads a definition document in our shape (Elsa 3's, with our activity type names).</summary>
    public static WorkflowDefinition Read(string json) => Read(ParseObject(json));

    public static WorkflowDefinition Read(JsonObject document)
    {
        var errors = new List<DefinitionError>();
        var definitionId = GetString(document, "definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            errors.Add(new DefinitionError("missing-field", "definitionId is required."));
        }
        else if (definitionId.Length > 100 || definitionId.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add(new DefinitionError("invalid-field", "definitionId may hold only letters, digits, '-', '_' and '.', at most 100 characters."));
        }

        var name = GetString(document, "name");
        RequireKind(document, "name", JsonValueKind.String, "name", errors);
        RequireKind(document, "description", JsonValueKind.String, "description", errors);
        RequireKind(document, "customProperties", JsonValueKind.Object, "customProperties", errors);
        if (document["version"] is { } versionNode && !(versionNode is JsonValue number && number.TryGetValue<int>(out _)))
        {
            errors.Add(new DefinitionError("invalid-field", "version must be a whole number."));
        }

        if (document["root"] is not JsonObject root)
        {
            errors.Add(new DefinitionError("missing-field", "root is required and must be a Flowchart object."));
            throw new DefinitionFormatException("The definition has no root flowchart.", errors);
        }

        var flowchart = ReadFlowchart(root, errors);
        var variables = ReadVariables(document["variables"], errors);
        if (errors.Count > 0)
        {
            throw new DefinitionFormatException(errors[0].Message, errors);
        }

        return new WorkflowDefinition
        {
            DefinitionId = definitionId!,
            Version = document["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 0,
            Name = string.IsNullOrWhiteSpace(name) ? definitionId! : name,
            Description = GetString(document, "description"),
            Variables = variables,
            Root = flowchart,
            CustomProperties = document["customProperties"] is JsonObject custom && custom.Count > 0 ? (JsonObject)custom.DeepClone() : null,
        };
    }

    /// <summary>Writes a definition back in Elsa 3's shape; the version flags are the store's to add, since they change.</summary>
    public static JsonObject Write(WorkflowDefinition definition)
    {
        var variables = new JsonArray();
        foreach (var variable in definition.Variables)
        {
            variables.Add(new JsonObject
            {
                ["id"] = variable.Id,
                ["name"] = variable.Name,
                ["typeName"] = variable.TypeName,
                ["value"] = variable.Value?.DeepClone(),
            });
        }

        var activities = new JsonArray();
        foreach (var activity in definition.Root.Activities)
        {
            var node = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type };
            if (activity.Name is not null)
            {
                node["name"] = activity.Name;
            }

            foreach (var (inputName, input) in activity.Inputs)
            {
                node[inputName] = new JsonObject
                {
                    ["typeName"] = input.TypeName,
                    ["expression"] = new JsonObject { ["type"] = input.ExpressionType, ["value"] = input.Value?.DeepClone() },
                };
            }

            node["metadata"] = activity.Metadata?.DeepClone() ?? new JsonObject();
            activities.Add(node);
        }

        var connections = new JsonArray();
        foreach (var connection in definition.Root.Connections)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = connection.Source.Activity, ["port"] = connection.Source.Port },
                ["target"] = new JsonObject { ["activity"] = connection.Target.Activity, ["port"] = connection.Target.Port },
            });
        }

        var written = new JsonObject
        {
            ["definitionId"] = definition.DefinitionId,
            ["version"] = definition.Version,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["variables"] = variables,
            ["root"] = new JsonObject
            {
                ["id"] = definition.Root.Id,
                ["type"] = "Flowchart",
                ["activities"] = activities,
                ["connections"] = connections,
            },
        };

        // Written only when present, so a definition without any reads back exactly as it was written.
        if (definition.CustomProperties is { Count: > 0 } custom)
        {
            written["customProperties"] = custom.DeepClone();
        }

        return written;
    }

    public static string WriteString(WorkflowDefinition definition) => Write(definition).ToJsonString();

    private static Flowchart ReadFlowchart(JsonObject root, List<DefinitionError> errors)
    {
        var activities = new List<ActivityNode>();
        if (root["activities"] is JsonArray activityArray)
        {
            if (activityArray.Count > MaxActivities)
            {
                errors.Add(new DefinitionError("too-large", $"A flowchart may hold at most {MaxActivities} activities; this one has {activityArray.Count}."));
                return new Flowchart();
            }

            for (var i = 0; i < activityArray.Count; i++)
            {
                if (activityArray[i] is not JsonObject activity)
                {
                    errors.Add(new DefinitionError("invalid-activity", $"root.activities[{i}] must be an object."));
                    continue;
                }

                var node = ReadActivity(activity, i, errors);
                if (node is not null)
                {
                    activities.Add(node);
                }
            }
        }
        else if (root["activities"] is not null)
        {
            errors.Add(new DefinitionError("invalid-field", "root.activities must be an array."));
        }

        var connections = new List<Connection>();
        if (root["connections"] is JsonArray connectionArray)
        {
            if (connectionArray.Count > MaxConnections)
            {
                errors.Add(new DefinitionError("too-large", $"A flowchart may hold at most {MaxConnections} connections; this one has {connectionArray.Count}."));
                return new Flowchart();
            }

            for (var i = 0; i < connectionArray.Count; i++)
            {
                var connection = ReadConnection(connectionArray[i]);
                if (connection is null)
                {
                    errors.Add(new DefinitionError("invalid-connection", $"root.connections[{i}] must be {{source:{{activity,port}}, target:{{activity,port}}}}."));
                    continue;
                }

                connections.Add(connection);
            }
        }
        else if (root["connections"] is not null)
        {
            errors.Add(new DefinitionError("invalid-field", "root.connections must be an array."));
        }

        return new Flowchart { Id = GetString(root, "id") ?? "flowchart", Activities = activities, Connections = connections };
    }

    private static ActivityNode? ReadActivity(JsonObject activity, int index, List<DefinitionError> errors)
    {
        var id = GetString(activity, "id");
        var type = GetString(activity, "type");
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(type))
        {
            errors.Add(new DefinitionError("invalid-activity", $"root.activities[{index}] needs both an id and a type.", id));
            return null;
        }

        RequireKind(activity, "name", JsonValueKind.String, $"root.activities[{index}].name", errors, id);
        RequireKind(activity, "metadata", JsonValueKind.Object, $"root.activities[{index}].metadata", errors, id);
        var inputs = new Dictionary<string, InputValue>(StringComparer.Ordinal);
        foreach (var (property, value) in activity)
        {
            if (NonInputProperties.Contains(property) || value is not JsonObject wrapper || wrapper["expression"] is null)
            {
                continue;
            }

            if (wrapper["expression"] is not JsonObject expression || expression["type"] is JsonNode language && language.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new DefinitionError("invalid-input", $"Input '{property}' of activity '{id}' must be {{typeName, expression:{{type, value}}}} with a string type.", id, property));
            }
            else
            {
                var expressionType = GetString(expression, "type") ?? ExpressionTypes.Literal;
                inputs[property] = new InputValue(GetString(wrapper, "typeName") ?? "Object", expressionType, expression["value"]?.DeepClone());
            }
        }

        return new ActivityNode
        {
            Id = id,
            Type = type,
            Name = GetString(activity, "name"),
            Inputs = inputs,
            Metadata = activity["metadata"] as JsonObject is { } metadata ? (JsonObject)metadata.DeepClone() : null,
        };
    }

    /// <summary>Reads a connection in Elsa 3's nested form, or the flat form of early 3.0 exports.</summary>
    internal static Connection? ReadConnection(JsonNode? node)
    {
        if (node is not JsonObject connection)
        {
            return null;
        }

        if (connection["source"] is JsonObject source && connection["target"] is JsonObject target)
        {
            var sourceActivity = GetString(source, "activity");
            var targetActivity = GetString(target, "activity");
            if (string.IsNullOrWhiteSpace(sourceActivity) || string.IsNullOrWhiteSpace(targetActivity))
            {
                return null;
            }

            if (!IsStringOrAbsent(source, "port") || !IsStringOrAbsent(target, "port"))
            {
                return null;
            }

            return new Connection(
                new Endpoint(sourceActivity, GetString(source, "port") ?? "Done"),
                new Endpoint(targetActivity, GetString(target, "port") ?? "In"));
        }

        var flatSource = GetString(connection, "source");
        var flatTarget = GetString(connection, "target");
        if (string.IsNullOrWhiteSpace(flatSource) || string.IsNullOrWhiteSpace(flatTarget))
        {
            return null;
        }

        return new Connection(
            new Endpoint(flatSource, GetString(connection, "sourcePort") ?? "Done"),
            new Endpoint(flatTarget, GetString(connection, "targetPort") ?? "In"));
    }

    private static List<VariableDefinition> ReadVariables(JsonNode? node, List<DefinitionError> errors)
    {
        var variables = new List<VariableDefinition>();
        if (node is null)
        {
            return variables;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new DefinitionError("invalid-field", "variables must be an array."));
            return variables;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject variable || string.IsNullOrWhiteSpace(GetString(variable, "name")))
            {
                errors.Add(new DefinitionError("invalid-variable", $"variables[{i}] must be an object with a name."));
                continue;
            }

            var name = GetString(variable, "name")!;
            variables.Add(new VariableDefinition(GetString(variable, "id") ?? name, name, GetString(variable, "typeName") ?? "Object", variable["value"]?.DeepClone()));
        }

        return variables;
    }

    /// <summary>A wrong type is refused rather than silently dropped, so what is stored is what the sender meant.</summary>
    private static void RequireKind(JsonObject obj, string property, JsonValueKind kind, string path, List<DefinitionError> errors, string? activityId = null)
    {
        if (obj[property] is { } node && node.GetValueKind() != kind)
        {
            errors.Add(new DefinitionError("invalid-field", $"{path} must be {(kind == JsonValueKind.Object ? "an object" : "a string")}, not {node.GetValueKind().ToString().ToLowerInvariant()}.", activityId));
        }
    }

    private static bool IsStringOrAbsent(JsonObject obj, string property) => obj[property] is null || obj[property]!.GetValueKind() == JsonValueKind.String;

    internal static string? GetString(JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own zero-based position; ours, one-based, is already in the message.
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
