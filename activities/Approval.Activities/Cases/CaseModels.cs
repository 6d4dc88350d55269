using System.Text.Json.Nodes;
using Approval.Activities.Acceptance;
using Approval.Engine.Clocks;

namespace Approval.Activities.Cases;

/// <summary>Pieces of document models that several activities fill the same way.</summary>
internal static class CaseModels
{
    /// <summary>The materials received, as the receipt lists them (name, copies, form).</summary>
    public static JsonArray Received(CaseData data, IEnumerable<GuideMaterial> satisfied)
    {
        var submitted = data.Application["materials"] as JsonArray ?? [];
        var rows = new JsonArray();
        foreach (var material in satisfied)
        {
            var entry = submitted.OfType<JsonObject>().FirstOrDefault(m => CaseData.Text(m["code"]) == material.Code);
            rows.Add(new JsonObject
            {
                ["code"] = material.Code,
                ["name"] = material.Name,
                ["copies"] = entry?["copies"]?.DeepClone() ?? 1,
                ["form"] = entry?["form"]?.DeepClone() ?? "原件",
            });
        }

        return rows;
    }

    /// <summary>Missing materials with what a conforming one must be (the one-time notice's core).</summary>
    public static JsonArray Missing(IEnumerable<GuideMaterial> missing) =>
        [.. missing.Select(m => (JsonNode)new JsonObject { ["code"] = m.Code, ["name"] = m.Name, ["requirement"] = m.Requirement ?? "按办事指南要求提交" })];

    /// <summary>Where an applicant may seek review or sue: the guide's own, else the office's, else the general wording of the law.</summary>
    public static JsonNode Remedies(CaseData data) =>
        data.Guide["remedies"]?.DeepClone() ?? data.Office["remedies"]?.DeepClone() ?? new JsonObject
        {
            ["reviewBody"] = "本机关的上一级主管部门或者本级人民政府",
            ["court"] = "有管辖权的人民法院",
        };

    public static void AddDueDates(JsonObject model, ClockReading reading)
    {
        model["acceptedOn"] = reading.AcceptedOn.ToString("yyyy-MM-dd");
        model["committedDueDate"] = reading.CommittedDueDate.ToString("yyyy-MM-dd");
        model["statutoryDueDate"] = reading.StatutoryDueDate?.ToString("yyyy-MM-dd");
    }
}
