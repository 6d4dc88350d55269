using System.Globalization;
using System.Text.Json.Nodes;

namespace Approval.Bench;

/// <summary>The flow of the <c>timers</c> verb: Start → Timer (until the instant in <c>input.due</c>) → End.</summary>
/// <remarks>Far-future timers and probes are two definitions, so the journal tells them apart by version.</remarks>
public static class TimerFlow
{
    public const string PendingDefinitionId = "bench-timer-pending";

    public const string ProbeDefinitionId = "bench-timer-probe";

    public const string TimerActivityId = "wait";

    public static string Json(string definitionId) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = "Timer benchmark",
        ["description"] = "Waits until input.due, then ends.",
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject
                {
                    ["id"] = TimerActivityId,
                    ["type"] = "Timer",
                    ["until"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Scriban", ["value"] = "input.due" } },
                },
                new JsonObject { ["id"] = "end", ["type"] = "End" }),
            ["connections"] = new JsonArray(Connection("start", TimerActivityId), Connection(TimerActivityId, "end")),
        },
    }.ToJsonString();

    /// <summary>The input of an instance whose timer falls due at <paramref name="due"/> (UTC, round-trip format).</summary>
    public static JsonObject Input(DateTimeOffset due) => new() { ["due"] = due.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) };

    private static JsonObject Connection(string source, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
