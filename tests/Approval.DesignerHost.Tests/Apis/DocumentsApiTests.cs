using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>Documents a case issues, served as issued, and templates an office overrides per matter; withdrawal before a decision.</summary>
[Collection(HostCollection.Name)]
public sealed class DocumentsApiTests(ApprovalHostFactory host)
{
    private async Task<string> PublishCaseFlowAsync()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("food");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("approve", "ApprovalTask", ("title", "审批"), ("assignees", new JsonArray("reviewer")))
            .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000000001"), ("validUntil", "2031-11-26"))
            .Activity("deliver", "HumanTask", ("title", "送达"), ("assignee", "clerk"))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "approve", "Accepted").Connect("receive", "end", "AcceptedWithDeficiency").Connect("receive", "end", "CorrectionRequired").Connect("receive", "end", "Refused")
            .Connect("approve", "licence", "Approve").Connect("approve", "end", "Reject").Connect("approve", "end", "Return")
            .Connect("licence", "deliver").Connect("deliver", "end", "Approve").Connect("deliver", "end", "Reject"));
        return id;
    }

    private static JsonObject CaseInput(string matterCode)
    {
        var guide = CaseSamples.Guide();
        guide["matterCode"] = matterCode;
        guide["department"] = "市市场监督管理局"; // the demo clerk's: only the competent department and the receiving office see a case
        return CaseSamples.Input(guide, CaseSamples.Application("M01", "M02", "M03", "M04"));
    }

    [Fact]
    public async Task Receipt_IsListedInTheCaseFile_AndServedAsIssuedWithItsHash()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var run = await analyst.ExecuteAsync(await PublishCaseFlowAsync(), CaseInput(HttpAssert.UniqueId("M")), "GD4419-DOC-1");

        var documents = (await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{run["instanceId"].Text()}/documents"))).AsArray();
        var receipt = Assert.Single(documents)!;
        Assert.Equal("AcceptanceReceipt", receipt["kind"].Text());

        var response = await clerk.GetAsync($"/api/documents/{receipt["id"].Text()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("东莞市某某餐饮有限公司", html);
        Assert.Contains("size: A4", html);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        Assert.Equal(receipt["sha256"].Text(), sha);
        Assert.Equal($"\"{sha}\"", response.Headers.ETag?.Tag);
        await HttpAssert.ProblemAsync(await clerk.GetAsync($"/api/documents/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MatterTemplateOverride_IsUsedForThatMatterOnly_AndABadTemplateIsRefused()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var matter = HttpAssert.UniqueId("M");
        var template = new JsonObject { ["title"] = "受理通知书（本事项）", ["content"] = "<!DOCTYPE html><html><body>{{ applicant.name }} 本事项专用受理凭证 {{ caseNumber }}</body></html>" };

        await HttpAssert.ProblemAsync(await clerk.PutAsync($"/api/document-templates/AcceptanceReceipt?scope={matter}", JsonContent(template)), HttpStatusCode.Forbidden);
        var bad = await HttpAssert.ProblemAsync(
            await analyst.PutAsync($"/api/document-templates/AcceptanceReceipt?scope={matter}", JsonContent(new JsonObject { ["title"] = "x", ["content"] = "{{ if }}" })),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad["errors"]!.AsArray());
        var saved = await HttpAssert.JsonAsync(await analyst.PutAsync($"/api/document-templates/AcceptanceReceipt?scope={matter}", JsonContent(template)), HttpStatusCode.Created);
        Assert.Equal(1, saved["version"]!.GetValue<int>());

        var flow = await PublishCaseFlowAsync();
        var own = await analyst.ExecuteAsync(flow, CaseInput(matter), "GD4419-DOC-2");
        var other = await analyst.ExecuteAsync(flow, CaseInput(HttpAssert.UniqueId("M")), "GD4419-DOC-3");

        var ownReceipt = (await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{own["instanceId"].Text()}/documents"))).AsArray().Single()!;
        Assert.Equal($"AcceptanceReceipt@{matter}", ownReceipt["templateKey"].Text());
        Assert.Contains("本事项专用受理凭证", await (await clerk.GetAsync($"/api/documents/{ownReceipt["id"].Text()}")).Content.ReadAsStringAsync());
        var otherReceipt = (await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{other["instanceId"].Text()}/documents"))).AsArray().Single()!;
        Assert.Equal("AcceptanceReceipt@shipped", otherReceipt["templateKey"].Text());
    }

    [Fact]
    public async Task Withdrawal_BeforeTheDecisionCancelsTheCase_AfterItIsRefused()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var flow = await PublishCaseFlowAsync();

        var early = await analyst.ExecuteAsync(flow, CaseInput(HttpAssert.UniqueId("M")), "GD4419-WD-1");
        var withdrawn = await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/workflow-instances/{early["instanceId"].Text()}/withdraw", new JsonObject { ["reason"] = "申请人不再经营" }));
        Assert.Equal("Cancelled", withdrawn["status"].Text());

        var late = await analyst.ExecuteAsync(flow, CaseInput(HttpAssert.UniqueId("M")), "GD4419-WD-2");
        var approval = late["workItems"]![0]!["id"].Text();
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{approval}/complete", new JsonObject { ["outcome"] = "Approve" }));
        var refused = await HttpAssert.ProblemAsync(await clerk.PostJsonAsync($"/api/workflow-instances/{late["instanceId"].Text()}/withdraw", new JsonObject()), HttpStatusCode.Conflict);
        Assert.Contains("decided", refused["detail"].Text());
        var decision = (await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{late["instanceId"].Text()}/documents"))).AsArray();
        Assert.Equal(["AcceptanceReceipt", "ApprovalDecision"], decision.Select(d => d!["kind"].Text()));
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
