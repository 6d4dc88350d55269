using System.Text.Json.Nodes;
using Approval.Activities.Documents;
using Approval.Engine.Documents;

namespace Approval.DesignerHost.Designer;

/// <summary>
/// Renders a template once, when it is saved, against a sample case holding every field its kind of document is
/// always issued with: a template that reaches outside the sandbox or never ends is refused then, not when a case
/// needs its document.
/// </summary>
public static class TemplateTrial
{
    /// <summary>Why the template failed on the sample case, or null when it rendered.</summary>
    public static string? Run(string kind, string template, TimeProvider clock)
    {
        try
        {
            new DocumentRenderer(clock).Render(template, SampleModel(kind));
            return null;
        }
        catch (DocumentTemplateException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The paths <see cref="DocumentFields"/> requires for the kind (the common ones for a kind of the host's own), filled with plausible values.</summary>
    public static JsonObject SampleModel(string kind)
    {
        var model = new JsonObject();
        var paths = DocumentKinds.All.Contains(kind) ? DocumentFields.RequiredFor(kind) : DocumentFields.Common;
        foreach (var path in paths)
        {
            Fill(model, path.Split('.'));
        }

        return model;
    }

    private static void Fill(JsonObject node, string[] segments)
    {
        var name = segments[0];
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            name = name[..^2];
            if (node[name] is not JsonArray list)
            {
                node[name] = list = [new JsonObject()];
            }

            if (segments.Length > 1 && list[0] is JsonObject item)
            {
                Fill(item, segments[1..]);
            }

            return;
        }

        if (segments.Length == 1)
        {
            node[name] ??= SampleValue(name);
            return;
        }

        if (node[name] is not JsonObject child)
        {
            node[name] = child = [];
        }

        Fill(child, segments[1..]);
    }

    /// <summary>A value of the shape the name suggests: a list, a date, a time, a count of days, or text.</summary>
    private static JsonNode SampleValue(string name) => name switch
    {
        "materials" or "missingMaterials" or "toleratedMaterials" or "proofs" or "reasons" => new JsonArray(new JsonObject { ["name"] = "示例材料", ["code"] = "M01" }),
        _ when name.EndsWith("At", StringComparison.Ordinal) => "2026-01-05T09:00:00+08:00",
        _ when name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("Date", StringComparison.Ordinal) || name.EndsWith("Deadline", StringComparison.Ordinal)
            || name is "validFrom" or "validUntil" => "2026-01-05",
        _ when name.EndsWith("Days", StringComparison.Ordinal) => 5,
        _ => "示例",
    };
}
