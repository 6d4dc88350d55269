using System.Text.Json.Nodes;

namespace Approval.Activities.Tests.Support;

/// <summary>A realistic case to start flows with: the 食品经营许可 guide, an applicant, the office and the handler.</summary>
public static class CaseSamples
{
    /// <summary>Business licence (required), floor plan (required, tolerable), health certificates (required, or the e-licence), food safety rules (required; the commitment letter may stand in).</summary>
    public static JsonObject Guide(bool allowsDeficiencyTolerance = true) => new()
    {
        ["matterCode"] = "11441900007330913X4442072024000",
        ["matterName"] = "食品经营许可（新办）",
        ["department"] = "东莞市市场监督管理局",
        ["statutoryLimitDays"] = 20,
        ["committedLimitDays"] = 10,
        ["allowsDeficiencyTolerance"] = allowsDeficiencyTolerance,
        ["legalBasis"] = "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        ["materials"] = new JsonArray(
            new JsonObject { ["code"] = "M01", ["name"] = "营业执照", ["required"] = true, ["requirement"] = "复印件加盖公章" },
            new JsonObject { ["code"] = "M02", ["name"] = "经营场所平面图", ["required"] = true, ["tolerable"] = true, ["requirement"] = "标明设备布局和工艺流程" },
            new JsonObject { ["code"] = "M03", ["name"] = "从业人员健康证明", ["required"] = true, ["exemptWithELicence"] = true, ["requirement"] = "有效期内" },
            new JsonObject { ["code"] = "M04", ["name"] = "食品安全管理制度", ["required"] = true, ["alternatives"] = new JsonArray("M04A"), ["requirement"] = "加盖公章" },
            new JsonObject { ["code"] = "M05", ["name"] = "其他说明材料", ["required"] = false }),
    };

    public static JsonObject Application(params string[] materials) => new()
    {
        ["caseNumber"] = "GD4419-20261127-0001",
        ["applicant"] = new JsonObject
        {
            ["name"] = "东莞市某某餐饮有限公司",
            ["idType"] = "统一社会信用代码",
            ["idNumber"] = "91441900MA4XXXXX0X",
            ["contact"] = "李明",
            ["phone"] = "0769-22000000",
        },
        ["materials"] = new JsonArray([.. materials.Select(code => (JsonNode)new JsonObject { ["code"] = code, ["copies"] = 1, ["form"] = "复印件" })]),
        ["eLicences"] = new JsonArray(),
    };

    public static JsonObject Input(JsonObject guide, JsonObject application) => new()
    {
        ["guide"] = guide,
        ["application"] = application,
        ["office"] = new JsonObject { ["name"] = "东莞市市场监督管理局", ["shortName"] = "东市监", ["sealText"] = "东莞市市场监督管理局行政审批专用章", ["phone"] = "0769-12345" },
        ["handler"] = new JsonObject { ["name"] = "王芳", ["phone"] = "0769-22111111" },
    };
}
