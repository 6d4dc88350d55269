using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Designer;

/// <summary>The matter guide (办事指南) in <c>customProperties.matter</c> as an editable form: the fields the window desk and the legal clock use.</summary>
/// <remarks>
/// The guide carries more than this form edits (legal basis, conditions, responsibilities, material details); writing
/// back starts from the guide as read, so every field the form does not show travels through unchanged.
/// </remarks>
public sealed class MatterGuideForm
{
    public static readonly IReadOnlyList<string> CaseTypes = ["即办件", "承诺件", "上报件", "联办件"];

    private JsonObject _original = [];

    /// <summary>True when the definition is a matter the window desk can receive (it has a guide).</summary>
    public bool IsMatter { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Department { get; set; } = "";

    /// <summary>The department's initials that open case numbers.</summary>
    public string DepartmentCode { get; set; } = "";

    public string CaseType { get; set; } = "承诺件";

    public int? StatutoryLimitDays { get; set; }

    public int? CommittedLimitDays { get; set; }

    public bool AllowsDeficiencyTolerance { get; set; }

    public bool AllowsInformedCommitment { get; set; }

    public List<MaterialRow> Materials { get; set; } = [];

    public static MatterGuideForm From(JsonObject? customProperties)
    {
        if (customProperties?[Matter.GuideProperty] is not JsonObject guide)
        {
            return new MatterGuideForm();
        }

        return new MatterGuideForm
        {
            _original = (JsonObject)guide.DeepClone(),
            IsMatter = true,
            Code = JsonValues.StringOf(guide["code"]) ?? "",
            Name = JsonValues.StringOf(guide["name"]) ?? "",
            Department = JsonValues.StringOf(guide["department"]) ?? "",
            DepartmentCode = JsonValues.StringOf(guide["departmentCode"]) ?? "",
            CaseType = JsonValues.StringOf(guide["caseType"]) ?? "",
            StatutoryLimitDays = JsonValues.Int32Of(guide["statutoryLimitDays"]),
            CommittedLimitDays = JsonValues.Int32Of(guide["committedLimitDays"]),
            AllowsDeficiencyTolerance = Flag(guide["allowsDeficiencyTolerance"]),
            AllowsInformedCommitment = Flag(guide["allowsInformedCommitment"]),
            Materials = guide["materials"] is JsonArray materials ? [.. materials.OfType<JsonObject>().Select(MaterialRow.From)] : [],
        };
    }

    /// <summary>The definition's custom properties with this guide written in (or taken out when the definition is no longer a matter).</summary>
    public JsonObject? WriteInto(JsonObject? customProperties)
    {
        var result = customProperties?.DeepClone() as JsonObject ?? [];
        if (!IsMatter)
        {
            result.Remove(Matter.GuideProperty);
            return result.Count == 0 ? null : result;
        }

        var guide = (JsonObject)_original.DeepClone();
        Set(guide, "code", Code.Trim());
        Set(guide, "name", Name.Trim());
        Set(guide, "department", Department.Trim());
        Set(guide, "departmentCode", DepartmentCode.Trim());
        Set(guide, "caseType", CaseType.Trim());
        Set(guide, "statutoryLimitDays", StatutoryLimitDays);
        Set(guide, "committedLimitDays", CommittedLimitDays);
        Set(guide, "allowsDeficiencyTolerance", AllowsDeficiencyTolerance, writeFalse: guide.ContainsKey("allowsDeficiencyTolerance"));
        Set(guide, "allowsInformedCommitment", AllowsInformedCommitment, writeFalse: guide.ContainsKey("allowsInformedCommitment"));
        guide["materials"] = new JsonArray([.. Materials.Select(m => (JsonNode)m.ToJson())]);
        result[Matter.GuideProperty] = guide;
        return result;
    }

    /// <summary>What keeps the window desk from receiving this matter; empty when the guide is complete.</summary>
    public IReadOnlyList<(string Chinese, string English)> Problems()
    {
        var problems = new List<(string, string)>();
        if (!IsMatter)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            problems.Add(("事项编码不能为空", "The matter needs a code"));
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add(("事项名称不能为空", "The matter needs a name"));
        }

        if (string.IsNullOrWhiteSpace(Department))
        {
            problems.Add(("实施部门不能为空", "The matter needs a department"));
        }

        if (CommittedLimitDays is not > 0)
        {
            problems.Add(("承诺办结时限须至少为1个工作日", "The committed limit must be at least one working day"));
        }

        if (StatutoryLimitDays is { } statutory && CommittedLimitDays is { } committed && committed > statutory)
        {
            problems.Add(("承诺办结时限不得超过法定办结时限", "The committed limit may not exceed the statutory limit"));
        }

        foreach (var duplicate in Materials.Where(m => !string.IsNullOrWhiteSpace(m.Code)).GroupBy(m => m.Code.Trim()).Where(g => g.Count() > 1))
        {
            problems.Add(($"材料编码 {duplicate.Key} 重复", $"Material code {duplicate.Key} is used twice"));
        }

        if (Materials.Any(m => string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Name)))
        {
            problems.Add(("每项材料都需要编码和名称", "Every material needs a code and a name"));
        }

        return problems;
    }

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static void Set(JsonObject guide, string name, string value)
    {
        if (value.Length > 0 || guide.ContainsKey(name))
        {
            guide[name] = value;
        }
    }

    private static void Set(JsonObject guide, string name, int? value)
    {
        if (value is { } number)
        {
            guide[name] = number;
        }
        else
        {
            guide.Remove(name);
        }
    }

    private static void Set(JsonObject guide, string name, bool value, bool writeFalse)
    {
        if (value || writeFalse)
        {
            guide[name] = value;
        }
    }
}

/// <summary>One material (申请材料) of the guide: the fields the form edits, the rest kept as read.</summary>
public sealed class MaterialRow
{
    private JsonObject _original = [];

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Required { get; set; } = true;

    /// <summary>May be missing under 容缺受理 (accepted now, supplied later).</summary>
    public bool Tolerable { get; set; }

    public static MaterialRow From(JsonObject material) => new()
    {
        _original = (JsonObject)material.DeepClone(),
        Code = JsonValues.StringOf(material["code"]) ?? "",
        Name = JsonValues.StringOf(material["name"]) ?? "",
        Required = material["required"] is not JsonValue required || !required.TryGetValue<bool>(out var r) || r,
        Tolerable = material["tolerable"] is JsonValue tolerable && tolerable.TryGetValue<bool>(out var t) && t,
    };

    public JsonObject ToJson()
    {
        var json = (JsonObject)_original.DeepClone();
        json["code"] = Code.Trim();
        json["name"] = Name.Trim();
        json["required"] = Required;
        json["tolerable"] = Tolerable;
        return json;
    }
}
