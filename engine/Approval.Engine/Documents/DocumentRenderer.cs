using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approval.Engine.Expressions;
using Scriban;
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
    private const int MaxDepth = 32;
    private const int CacheLimit = 1_000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(1);
    private readonly ScriptObject _builtins;

    // Parsing a notice's template costs more than rendering it, and a few template versions serve every case: parsed
    // templates are kept by their text (a new version is new text). A parsed template renders concurrently with separate contexts.
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    public DocumentRenderer(TimeProvider clock) => _builtins = ScribanSandbox.Builtins(clock);

    /// <summary>Parse errors of a template; empty when it parses.</summary>
    public static IReadOnlyList<string> Check(string template)
    {
        var parsed = Template.Parse(template, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        return parsed.HasErrors ? [.. parsed.Messages.Select(m => m.ToString())] : [];
    }

    /// <exception cref="DocumentTemplateException">The template does not parse, or fails while rendering.</exception>
    public string Render(string template, JsonObject model)
    {
        var parsed = Parse(template);
        if (parsed.HasErrors)
        {
            throw new DocumentTemplateException($"The template does not parse: {string.Join("; ", parsed.Messages)}");
        }

        var context = ScribanSandbox.NewContext(_builtins, outputLimit: 1_000_000);
        var globals = new ScriptObject();
        foreach (var (name, value) in model)
        {
            globals.SetValue(name, ScribanSandbox.ToScript(value, escapeStrings: true, MaxDepth), readOnly: true);
        }

        globals.SetValue("raw", ScribanSandbox.ToScript(model, escapeStrings: false, MaxDepth), readOnly: true);
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
        catch (ExpressionException ex)
        {
            throw new DocumentTemplateException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException or OutOfMemoryException)
        {
            // Built-ins given impossible arguments (string.pad_left 2000000000 asks for a string longer than .NET allows,
            // which fails at once with OutOfMemoryException, before anything is allocated).
            throw new DocumentTemplateException($"The template failed: {ex.Message}", ex);
        }
    }

    private Template Parse(string template)
    {
        if (_parsed.TryGetValue(template, out var cached))
        {
            return cached;
        }

        var parsed = Template.Parse(template, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (!parsed.HasErrors && _parsed.Count < CacheLimit)
        {
            _parsed.TryAdd(template, parsed);
        }

        return parsed;
    }
}

/// <summary>A document template that does not parse or fails to render.</summary>
public sealed class DocumentTemplateException(string message, Exception? inner = null) : Exception(message, inner);
