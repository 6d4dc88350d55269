using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Engine.Execution;

/// <summary>The serializer settings the engine uses for its own JSON (state, outbox payloads).</summary>
public static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 64,
    };
}
