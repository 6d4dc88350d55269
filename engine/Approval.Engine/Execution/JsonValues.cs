using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Execution;

/// <summary>Reads a JSON primitive as a CLR value whether it was parsed from text or created in code.</summary>
/// <remarks>A <see cref="JsonValue"/> made with <c>JsonValue.Create(5)</c> holds an int, one parsed from "5" holds a JsonElement; each answers a different set of <c>GetValue</c> calls.</remarks>
public static class JsonValues
{
    /// <summary>The string a node holds, or null when it is missing or not a string.</summary>
    public static string? StringOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The whole number a node holds, or null when it is missing or not one.</summary>
    public static int? Int32Of(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static object? ToClr(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var l))
                {
                    return l;
                }

                if (value.TryGetValue<int>(out var i))
                {
                    return (long)i;
                }

                if (value.TryGetValue<double>(out var d))
                {
                    return d;
                }

                if (value.TryGetValue<decimal>(out var m))
                {
                    return m;
                }

                return value.TryGetValue<float>(out var f) ? (double)f : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    public static double ToDouble(JsonValue value) => ToClr(value) switch
    {
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => double.NaN,
    };
}
