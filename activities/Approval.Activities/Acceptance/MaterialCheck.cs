using System.Text.Json.Nodes;

namespace Approval.Activities.Acceptance;

/// <summary>One material of a matter's guide, as the acceptance activities read it.</summary>
/// <param name="Tolerable">May be supplied later under 容缺 (a required material the matter lets the applicant defer).</param>
/// <param name="Alternatives">Codes of materials that stand in for this one.</param>
/// <param name="ExemptWithELicence">Not needed when the applicant's electronic licence for it is linked.</param>
/// <param name="Requirement">What a conforming material looks like, quoted in the one-time notice.</param>
public sealed record GuideMaterial(string Code, string Name, bool Required, bool Tolerable, IReadOnlyList<string> Alternatives, bool ExemptWithELicence, string? Requirement);

/// <summary>What the submitted materials lack against the guide.</summary>
public sealed record MaterialCheckResult(IReadOnlyList<GuideMaterial> Satisfied, IReadOnlyList<GuideMaterial> MissingRequired, IReadOnlyList<GuideMaterial> MissingTolerable)
{
    public bool Complete => MissingRequired.Count == 0 && MissingTolerable.Count == 0;

    /// <summary>Only materials the matter lets the applicant supply later are missing.</summary>
    public bool OnlyTolerableMissing => MissingRequired.Count == 0 && MissingTolerable.Count > 0;

    public IEnumerable<GuideMaterial> AllMissing => MissingRequired.Concat(MissingTolerable);
}

/// <summary>Checks submitted materials against a guide: a material counts when it, or one of its alternatives, was submitted, or when a linked electronic licence exempts it.</summary>
public static class MaterialCheck
{
    public static MaterialCheckResult Check(IReadOnlyList<GuideMaterial> guide, IReadOnlySet<string> submitted, IReadOnlySet<string> eLicences)
    {
        var satisfied = new List<GuideMaterial>();
        var missingRequired = new List<GuideMaterial>();
        var missingTolerable = new List<GuideMaterial>();
        foreach (var material in guide)
        {
            var present = submitted.Contains(material.Code)
                || material.Alternatives.Any(submitted.Contains)
                || (material.ExemptWithELicence && eLicences.Contains(material.Code));
            if (present)
            {
                satisfied.Add(material);
            }
            else if (material.Required)
            {
                (material.Tolerable ? missingTolerable : missingRequired).Add(material);
            }
        }

        return new MaterialCheckResult(satisfied, missingRequired, missingTolerable);
    }

    /// <summary>Reads the guide's <c>materials</c> array; a malformed entry is an error naming it.</summary>
    public static IReadOnlyList<GuideMaterial> ReadGuide(JsonObject guide)
    {
        if (guide["materials"] is not JsonArray materials)
        {
            throw new FormatException("The guide has no 'materials' list.");
        }

        var result = new List<GuideMaterial>();
        for (var i = 0; i < materials.Count; i++)
        {
            if (materials[i] is not JsonObject m || Text(m["code"]) is not { Length: > 0 } code)
            {
                throw new FormatException($"Guide material {i} has no 'code'.");
            }

            result.Add(new GuideMaterial(
                code,
                Text(m["name"]) ?? code,
                Flag(m["required"], defaultValue: true),
                Flag(m["tolerable"], defaultValue: false),
                m["alternatives"] is JsonArray alternatives ? [.. alternatives.Select(a => Text(a)).OfType<string>()] : [],
                Flag(m["exemptWithELicence"], defaultValue: false),
                Text(m["requirement"])));
        }

        return result;
    }

    /// <summary>The codes in a list of <c>{code}</c> objects or plain strings.</summary>
    public static HashSet<string> Codes(JsonNode? list)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (list is JsonArray array)
        {
            foreach (var item in array)
            {
                if ((item is JsonObject o ? Text(o["code"]) : Text(item)) is { Length: > 0 } code)
                {
                    codes.Add(code);
                }
            }
        }

        return codes;
    }

    private static string? Text(JsonNode? node) => Approval.Engine.Execution.JsonValues.StringOf(node);

    private static bool Flag(JsonNode? node, bool defaultValue) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : defaultValue;
}
