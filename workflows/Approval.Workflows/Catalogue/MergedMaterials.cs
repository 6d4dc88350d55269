using System.Text.Json.Nodes;
using Approval.Engine.Execution;

namespace Approval.Workflows.Catalogue;

/// <summary>A package's one materials list: each material once, however many of its matters need it (一表申请, 一次提交).</summary>
public static class MergedMaterials
{
    /// <summary>The matters' materials merged by code: required when any matter requires it, tolerable only when every
    /// matter that needs it tolerates it, with <c>usedBy</c> naming the matters.</summary>
    public static JsonArray Of(IEnumerable<Matter> matters)
    {
        var merged = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var matter in matters)
        {
            foreach (var material in (matter.Guide["materials"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (JsonValues.StringOf(material["code"]) is not { } code)
                {
                    continue;
                }

                var required = material["required"]?.GetValue<bool>() ?? true;
                var tolerable = material["tolerable"]?.GetValue<bool>() ?? false;
                if (!merged.TryGetValue(code, out var entry))
                {
                    entry = (JsonObject)material.DeepClone();
                    entry["usedBy"] = new JsonArray();
                    merged[code] = entry;
                    order.Add(code);
                }
                else
                {
                    entry["required"] = (entry["required"]?.GetValue<bool>() ?? true) || required;
                    entry["tolerable"] = (entry["tolerable"]?.GetValue<bool>() ?? false) && tolerable;
                }

                entry["usedBy"]!.AsArray().Add(matter.Code);
            }
        }

        return new JsonArray([.. order.Select(code => (JsonNode)merged[code])]);
    }
}
