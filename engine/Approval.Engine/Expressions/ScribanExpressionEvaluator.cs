using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Approval.Engine.Expressions;

/// <summary>Evaluates input expressions with Scriban, sandboxed: no includes, no .NET members, bounded loops, recursion, output and time.</summary>
/// <remarks>
/// The scope is handed to Scriban as plain <see cref="ScriptObject"/>s built from JSON, never as CLR objects, so there is no
/// reflection surface to reach. <c>date.now</c> reads the engine's <see cref="TimeProvider"/>, so simulated time applies to it too.
/// </remarks>
public sealed class ScribanExpressionEvaluator
{
    private const int CacheLimit = 10_000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Language, string Text), Template> _cache = new();
    private readonly TimeProvider _clock;
    private readonly ScriptObject _builtins;

    public ScribanExpressionEvaluator(TimeProvider clock)
    {
        _clock = clock;

        // Built once: Scriban's built-in functions are many, and expressions only read them.
        _builtins = ScribanSandbox.Builtins(_clock);
    }

    /// <summary>Parses an expression and returns its errors; an empty list means it parses.</summary>
    public IReadOnlyList<string> Check(string language, string text)
    {
        var template = Parse(language, text, cache: false);
        return template.HasErrors ? template.Messages.Select(m => m.ToString()).ToList() : [];
    }

    /// <summary>Evaluates an input to a JSON value, whatever its expression language.</summary>
    public JsonNode? Evaluate(InputValue input, ExpressionScope scope)
    {
        switch (input.ExpressionType)
        {
            case ExpressionTypes.Literal:
            case ExpressionTypes.Object:
                return ParseLiteral(input);
            case ExpressionTypes.Variable:
                var name = input.Value?.GetValueKind() == JsonValueKind.String ? input.Value.GetValue<string>() : null;
                return name is null ? null : scope.Variables[name]?.DeepClone();
            case ExpressionTypes.Scriban:
            case ExpressionTypes.Liquid:
                var text = input.Value?.GetValueKind() == JsonValueKind.String ? input.Value.GetValue<string>() : input.Value?.ToJsonString() ?? "";
                return Run(input.ExpressionType, text, scope);
            default:
                throw new ExpressionException($"Expression language '{input.ExpressionType}' is not supported.");
        }
    }

    private static JsonNode? ParseLiteral(InputValue input)
    {
        // Elsa writes Object expressions as JSON text inside a string; accept both that and a JSON value.
        if (input.ExpressionType == ExpressionTypes.Object && input.Value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new ExpressionException($"The object value is not valid JSON: {ex.Message}", ex);
            }
        }

        return input.Value?.DeepClone();
    }

    private JsonNode? Run(string language, string text, ExpressionScope scope)
    {
        var template = Parse(language, text, cache: true);
        if (template.HasErrors)
        {
            throw new ExpressionException($"The expression does not parse: {string.Join("; ", template.Messages)}");
        }

        var context = CreateContext(scope);
        using var budget = new CancellationTokenSource(TimeBudget);
        context.CancellationToken = budget.Token;
        try
        {
            var result = language == ExpressionTypes.Liquid ? template.Render(context) : template.Evaluate(context);
            return ToJson(result, depth: 0);
        }
        catch (ScriptAbortException ex)
        {
            throw new ExpressionException($"The expression ran longer than {TimeBudget.TotalSeconds:0} s and was stopped.", ex);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ExpressionException($"The expression failed: {ex.OriginalMessage}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            throw new ExpressionException($"The expression failed: {ex.Message}", ex);
        }
    }

    private Template Parse(string language, string text, bool cache)
    {
        if (cache && _cache.TryGetValue((language, text), out var cached))
        {
            return cached;
        }

        var template = language == ExpressionTypes.Liquid
            ? Template.ParseLiquid(text)
            : Template.Parse(text, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly });
        if (cache && _cache.Count < CacheLimit)
        {
            _cache.TryAdd((language, text), template);
        }

        return template;
    }

    private TemplateContext CreateContext(ExpressionScope scope)
    {
        var context = ScribanSandbox.NewContext(_builtins, outputLimit: 100_000);
        var globals = new ScriptObject();
        foreach (var (name, value) in scope.Variables)
        {
            globals.SetValue(name, ToScript(value), readOnly: false);
        }

        globals.SetValue("variables", ToScript(scope.Variables), readOnly: true);
        globals.SetValue("input", ToScript(scope.Input), readOnly: true);
        globals.SetValue("form", ToScript(scope.Form), readOnly: true);
        context.PushGlobal(globals);
        return context;
    }

    private static object? ToScript(JsonNode? node) => ScribanSandbox.ToScript(node, escapeStrings: false, DefinitionJson.MaxDepth);

    /// <summary>Converts a Scriban result back to JSON.</summary>
    internal static JsonNode? ToJson(object? value, int depth)
    {
        if (depth > DefinitionJson.MaxDepth)
        {
            throw new ExpressionException("The expression produced data nested too deeply.");
        }

        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int i:
                return JsonValue.Create(i);
            case long l:
                return JsonValue.Create(l);
            case double d:
                return JsonValue.Create(d);
            case float f:
                return JsonValue.Create(f);
            case decimal m:
                return JsonValue.Create(m);
            case System.Numerics.BigInteger big:
                return JsonValue.Create(big.ToString(CultureInfo.InvariantCulture));
            case DateTime dt:
                return JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture));
            case DateTimeOffset dto:
                return JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture));
            case TimeSpan ts:
                return JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture));
            case IDictionary<string, object?> dict:
                var obj = new JsonObject();
                foreach (var (key, item) in dict)
                {
                    obj[key] = ToJson(item, depth + 1);
                }

                return obj;
            case IEnumerable enumerable:
                var array = new JsonArray();
                foreach (var item in enumerable)
                {
                    array.Add(ToJson(item, depth + 1));
                }

                return array;
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
