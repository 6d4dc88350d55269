using System.Net;
using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>A food-licence matter of the test's own (a unique code) and applications for it.</summary>
public static class MatterSamples
{
    /// <summary>Publishes a food-licence matter (guide in customProperties) whose flow accepts, notices, and opens a review task.</summary>
    public static async Task<string> PublishFoodMatterAsync(this ApprovalHostFactory host, Action<JsonObject>? changeGuide = null)
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("matter");
        var guide = CaseSamples.Guide();
        guide.Remove("matterCode");
        guide.Remove("matterName");
        guide["code"] = id;
        guide["name"] = "食品经营许可（新办）";
        guide["department"] = "市市场监督管理局";
        guide["departmentCode"] = "SJ";
        guide["caseType"] = "承诺件";
        var definition = new FlowBuilder(id, "食品经营许可（新办）")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("notice", "OneTimeDeficiencyNotice")
            .Activity("review", "ApprovalTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")), ("department", "市市场监督管理局"))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted").Connect("receive", "review", "AcceptedWithDeficiency").Connect("receive", "notice", "CorrectionRequired").Connect("receive", "end", "Refused")
            .Connect("notice", "review", "Accepted").Connect("notice", "end", "Withdrawn")
            .Connect("review", "end", "Approve").Connect("review", "end", "Reject").Connect("review", "end", "Return")
            .ToJsonObject();
        changeGuide?.Invoke(guide);
        definition["customProperties"] = new JsonObject { ["matter"] = guide };
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", definition), HttpStatusCode.Created);
        await HttpAssert.JsonAsync(await analyst.PostAsync($"/api/workflow-definitions/{id}/publish", null));
        return id;
    }

    public static JsonObject Application(string matter, params string[] materials) => new()
    {
        ["matterCode"] = matter,
        ["applicant"] = new JsonObject { ["name"] = "东莞市某某餐饮有限公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4XXXXX0X", ["phone"] = "0769-22000000" },
        ["materials"] = new JsonArray([.. materials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
    };

}
