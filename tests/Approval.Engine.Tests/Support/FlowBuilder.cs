using System.Text.Json.Nodes;

namespace Approval.Engine.Tests.Support;

/// <summary>Builds definition JSON in Elsa 3's shape for tests, so each test states its flow in a few lines.</summary>
public sealed class FlowBuilder(string definitionId, string? name = null)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    /// <summary>A Scriban expression input.</summary>
    public static JsonObject Scriban(string expression) => Expression("Scriban", expression);

    public static JsonObject Literal(JsonNode? value, string typeName = "Object") => Expression("Literal", value, typeName);

    public static JsonObject Expression(string language, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    public FlowBuilder Variable(string variableName, JsonNode? value = null)
    {
        _variables.Add(new JsonObject { ["id"] = variableName, ["name"] = variableName, ["typeName"] = "Object", ["value"] = value });
        return this;
    }

    /// <summary>Adds an activity; an input given as a plain value becomes a literal, a <see cref="JsonObject"/> with an expression stays as is.</summary>
    public FlowBuilder Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = _activities.Count * 200, ["y"] = 100 } } } };
        foreach (var (inputName, value) in inputs)
        {
            activity[inputName] = value is JsonObject wrapped && wrapped.ContainsKey("expression") ? wrapped.DeepClone() : Literal(value?.DeepClone());
        }

        _activities.Add(activity);
        return this;
    }

    public FlowBuilder Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Connects activities in a row through Done.</summary>
    public FlowBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public JsonObject ToJsonObject() => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name ?? definitionId,
        ["variables"] = _variables.DeepClone(),
        ["root"] = new JsonObject { ["id"] = "root", ["type"] = "Flowchart", ["activities"] = _activities.DeepClone(), ["connections"] = _connections.DeepClone() },
    };

    public string ToJson() => ToJsonObject().ToJsonString();

    /// <summary>Start → one human task (Approve/Reject) → End, the shape most tests need.</summary>
    public static FlowBuilder SingleTask(string definitionId, string title = "审批") =>
        new FlowBuilder(definitionId)
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", title), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "task")
            .Connect("task", "end", "Approve")
            .Connect("task", "end", "Reject");
}
