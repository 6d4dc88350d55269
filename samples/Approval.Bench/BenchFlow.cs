using System.Text.Json.Nodes;

namespace Approval.Bench;

/// <summary>The measured flow: Start → SetVariable → HumanTask (Approver) → Log → End, in Elsa 3's JSON shape.</summary>
/// <remarks>Approve goes through Log to End; Reject goes straight to End. Two inputs are Scriban expressions, as real flows have.</remarks>
public static class BenchFlow
{
    public const string MeasuredDefinitionId = "bench-approval";

    public const string WarmupDefinitionId = "bench-warmup";

    public const string Role = "Approver";

    /// <summary>The definition JSON; <paramref name="revisionNote"/> makes each saved version differ, as edits do.</summary>
    public static string Json(string definitionId, string revisionNote) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = "Benchmark approval",
        ["description"] = $"Five activities, one human task ({revisionNote}).",
        ["variables"] = new JsonArray(new JsonObject { ["id"] = "requestNo", ["name"] = "requestNo", ["typeName"] = "String", ["value"] = null }),
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                Activity("start", "Start", 0),
                Activity("number", "SetVariable", 1, ("variable", Literal("requestNo")), ("value", Scriban("'REQ-' + input.ref"))),
                Activity("review", "HumanTask", 2, ("title", Literal($"Review request ({revisionNote})")), ("candidateRoles", Literal(new JsonArray(Role)))),
                Activity("note", "Log", 3, ("message", Scriban("'approved ' + requestNo"))),
                Activity("end", "End", 4)),
            ["connections"] = new JsonArray(
                Connection("start", "number", "Done"),
                Connection("number", "review", "Done"),
                Connection("review", "note", "Approve"),
                Connection("review", "end", "Reject"),
                Connection("note", "end", "Done")),
        },
    }.ToJsonString();

    /// <summary>The input an instance starts with.</summary>
    public static JsonObject Input(long number) => new() { ["ref"] = number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), ["amount"] = 1000 + (number % 9000) };

    private static JsonObject Activity(string id, string type, int column, params (string Name, JsonObject Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = column * 220, ["y"] = 100 } } },
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Literal(JsonNode? value) => Expression("Literal", value);

    private static JsonObject Scriban(string expression) => Expression("Scriban", expression);

    private static JsonObject Expression(string language, JsonNode? value) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    private static JsonObject Connection(string source, string target, string port) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
