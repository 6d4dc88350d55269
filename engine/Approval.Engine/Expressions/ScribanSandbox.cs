using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace Approval.Engine.Expressions;

/// <summary>The one Scriban sandbox expressions and document templates share: no includes, no .NET members, bounded work, the engine's clock.</summary>
/// <remarks>Data goes in as plain script objects built from JSON, never as CLR objects, so there is no reflection surface to reach.</remarks>
internal static class ScribanSandbox
{
    /// <summary>Scriban's built-ins with <c>date.now</c> reading <paramref name="clock"/> in Beijing time; built once per evaluator, only read after.</summary>
    public static ScriptObject Builtins(TimeProvider clock)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        var date = new DateTimeFunctions();
        date.Remove("now");
        date.Import("now", new Func<DateTime>(() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime));
        builtins.Remove("date");
        builtins.SetValue("date", date, readOnly: true);
        return builtins;
    }

    /// <summary>A fresh context over the shared built-ins with the sandbox's limits.</summary>
    public static TemplateContext NewContext(ScriptObject builtins, int outputLimit)
    {
        var context = new TemplateContext(builtins)
        {
            LoopLimit = 10_000,
            RecursiveLimit = 50,
            ObjectRecursionLimit = 20,
            LimitToString = 200_000,
            OutputLimit = outputLimit,
            RegexTimeOut = TimeSpan.FromMilliseconds(200),
            TemplateLoader = null,
            MemberFilter = _ => false,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        return context;
    }

    /// <summary>JSON as script objects; strings HTML-escaped when <paramref name="escapeStrings"/> (document models).</summary>
    public static object? ToScript(JsonNode? node, bool escapeStrings, int maxDepth, int depth = 0)
    {
        if (depth > maxDepth)
        {
            throw new ExpressionException("The data is nested too deeply.");
        }

        switch (node)
        {
            case JsonObject obj:
                var so = new ScriptObject();
                foreach (var (key, value) in obj)
                {
                    so.SetValue(key, ToScript(value, escapeStrings, maxDepth, depth + 1), readOnly: false);
                }

                return so;
            case JsonArray array:
                var sa = new ScriptArray();
                foreach (var item in array)
                {
                    sa.Add(ToScript(item, escapeStrings, maxDepth, depth + 1));
                }

                return sa;
            case JsonValue value:
                var clr = JsonValues.ToClr(value);
                return escapeStrings && clr is string text ? WebUtility.HtmlEncode(text) : clr;
            default:
                return null;
        }
    }
}
