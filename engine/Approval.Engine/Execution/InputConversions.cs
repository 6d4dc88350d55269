using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Approval.Engine.Execution;

/// <summary>Turns evaluated JSON input values into the CLR values activities want, with messages that name the input.</summary>
public static class InputConversions
{
    public static string? ToText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static bool ToBoolean(JsonNode? node, string input)
    {
        switch (node)
        {
            case null:
                return false;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValue<bool>();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>().Trim();
                if (bool.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                if (text.Length == 0)
                {
                    return false;
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return JsonValues.ToDouble(v) != 0;
        }

        throw new FormatException($"Input '{input}' must be true or false, not {node.ToJsonString()}.");
    }

    public static int? ToInt32(JsonNode? node, string input)
    {
        var text = ToText(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Input '{input}' must be a whole number, not '{text}'.");
    }

    /// <summary>Reads a duration written as <c>hh:mm:ss</c>, <c>d.hh:mm:ss</c> or ISO 8601 (<c>PT5M</c>, <c>P2D</c>).</summary>
    public static TimeSpan? ToDuration(JsonNode? node, string input)
    {
        var text = ToText(node)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith('P') || text.StartsWith('-'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
            }
        }
        else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        throw new FormatException($"Input '{input}' must be a duration such as '00:30:00' or 'PT30M', not '{text}'.");
    }

    /// <summary>Reads an instant; a value without an offset is taken as China Standard Time, the zone the product works in.</summary>
    public static DateTimeOffset? ToInstant(JsonNode? node, string input)
    {
        var text = ToText(node)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 9;
            return hasOffset ? instant.ToUniversalTime() : new DateTimeOffset(instant.DateTime, TimeSpan.FromHours(8)).ToUniversalTime();
        }

        throw new FormatException($"Input '{input}' must be a date and time such as '2026-12-01T09:00:00+08:00', not '{text}'.");
    }

    /// <summary>The literal list an input holds, or an empty list when it is an expression or not a list; for ports and modes read at design time.</summary>
    public static IReadOnlyList<string> LiteralStrings(Definitions.InputValue? input)
    {
        if (input is null || input.ExpressionType is not (Definitions.ExpressionTypes.Literal or Definitions.ExpressionTypes.Object))
        {
            return [];
        }

        try
        {
            return ToStrings(input.Value, "");
        }
        catch (FormatException)
        {
            return [];
        }
    }

    public static IReadOnlyList<string> ToStrings(JsonNode? node, string input)
    {
        switch (node)
        {
            case null:
                return [];
            case JsonArray array:
                return array.Select(ToText).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>().Trim();
                if (text.StartsWith('['))
                {
                    try
                    {
                        return ToStrings(JsonNode.Parse(text), input);
                    }
                    catch (JsonException)
                    {
                        throw new FormatException($"Input '{input}' must be a list of texts.");
                    }
                }

                return text.Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            default:
                throw new FormatException($"Input '{input}' must be a list of texts.");
        }
    }
}
