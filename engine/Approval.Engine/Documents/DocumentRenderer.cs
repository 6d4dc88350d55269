using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Approval.Engine.Documents;

/// <summary>Renders document templates (Scriban text templates, usually HTML) against a JSON model, in the same sandbox as expressions.</summary>
/// <remarks>
/// Every string in the model is HTML-escaped before the template sees it, so an applicant's name cannot inject markup
/// into a notice; templates that need the raw text of a field get it under <c>raw</c>. No includes, no .NET members,
/// bounded loops and output, a one-second budget; <c>date.now</c> reads the engine's clock (Beijing time).
/// </remarks>
public sealed class DocumentRenderer
{
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(1);
    private readonly ScriptObject _builtins;

    public DocumentRenderer(TimeProvider clock)
    {
        _builtins = TemplateContext.GetDefaultBuiltinObject();
        var date = new DateTimeFunctions();
        date.Remove("now");
        date.Import("now", new Func<DateTime>(() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime));
        _builtins.Remove("date");
        _builtins.SetValue("date", date, readOnly: true);
    }

    /// <summary>Parse errors of a template; empty when it parses.</summary>
    public static IReadOnlyList<string> Check(string template)
    {
        var parsed = Template.Parse(template, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        return parsed.HasErrors ? [.. parsed.Messages.Select(m => m.ToString())] : [];
    }

    /// <exception cref="DocumentTemplateException">The template does not parse, or fails while rendering.</exception>
    public string Render(string template, JsonObject model)
    {
        var parsed = Template.Parse(template, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (parsed.HasErrors)
        {
            throw new DocumentTemplateException($"The template does not parse: {string.Join("; ", parsed.Messages)}");
        }

        var context = new TemplateContext(_builtins)
        {
            LoopLimit = 10_000,
            RecursiveLimit = 50,
            ObjectRecursionLimit = 20,
            LimitToString = 200_000,
            OutputLimit = 1_000_000,
            RegexTimeOut = TimeSpan.FromMilliseconds(200),
            TemplateLoader = null,
            MemberFilter = _ => false,
            EnableRelaxedMemberAccess = true,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        var globals = new ScriptObject();
        foreach (var (name, value) in model)
        {
            globals.SetValue(name, ToScript(value, escape: true, 0), readOnly: true);
        }

        globals.SetValue("raw", ToScript(model, escape: false, 0), readOnly: true);
        context.PushGlobal(globals);
        using var budget = new CancellationTokenSource(TimeBudget);
        context.CancellationToken = budget.Token;
        try
        {
            return parsed.Render(context);
        }
        catch (Scriban.Syntax.ScriptAbortException ex)
        {
            throw new DocumentTemplateException($"The template ran longer than {TimeBudget.TotalSeconds:0} s and was stopped.", ex);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new DocumentTemplateException($"The template failed: {ex.OriginalMessage}", ex);
        }
    }

    private static object? ToScript(JsonNode? node, bool escape, int depth)
    {
        if (depth > 32)
        {
            throw new DocumentTemplateException("The document's data is nested too deeply.");
        }

        switch (node)
        {
            case JsonObject obj:
                var so = new ScriptObject();
                foreach (var (key, value) in obj)
                {
                    so.SetValue(key, ToScript(value, escape, depth + 1), readOnly: false);
                }

                return so;
            case JsonArray array:
                var sa = new ScriptArray();
                foreach (var item in array)
                {
                    sa.Add(ToScript(item, escape, depth + 1));
                }

                return sa;
            case JsonValue value:
                var clr = JsonValues.ToClr(value);
                return escape && clr is string text ? WebUtility.HtmlEncode(text) : clr;
            default:
                return null;
        }
    }
}

/// <summary>A document template that does not parse or fails to render.</summary>
public sealed class DocumentTemplateException(string message, Exception? inner = null) : Exception(message, inner);
