using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class WorkflowDefinitionsImportTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Import_ElsaExportAndPublish_RunsTheWayItRanInElsa()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("elsa");

        var imported = await HttpAssert.JsonAsync(
            await analyst.PostJsonAsync("/api/workflow-definitions/import?publish=true", ElsaExports.AmountCheck(id)), HttpStatusCode.Created);

        Assert.True(imported["isPublished"]!.GetValue<bool>());
        Assert.Equal(1, imported["version"]!.GetValue<int>());
        var types = imported["root"]!["activities"]!.AsArray().ToDictionary(a => a!["id"].Text(), a => a!["type"].Text());
        Assert.Equal("Log", types["WriteLine1"]);
        Assert.Equal("SetVariable", types["SetVariable1"]);
        Assert.Equal("Decision", types["FlowDecision1"]);
        Assert.Equal("Timer", types["Delay1"]);
        Assert.Contains("Start", types.Values);
        Assert.Contains("End", types.Values);

        // A large amount takes the True port and waits on the one-hour delay.
        var large = await HttpAssert.JsonAsync(await analyst.PostJsonAsync($"/api/workflow-definitions/{id}/execute", new JsonObject { ["input"] = new JsonObject { ["amount"] = 5000 } }));
        Assert.Equal("Suspended", large["status"].Text());
        Assert.Equal("review", large["variables"]!["Route"].Text());
        Assert.Contains(large["journal"]!.AsArray(), j => j!["event"].Text() == "Log" && j["data"]!["message"].Text() == "收到金额为 5000 元的申请");
        var instance = await HttpAssert.JsonAsync(await analyst.GetAsync($"/api/workflow-instances/{large["instanceId"].Text()}"));
        var timer = Assert.Single(instance["bookmarks"]!.AsArray())!;
        Assert.Equal("Timer", timer["kind"].Text());
        Assert.Equal("Delay1", timer["activityId"].Text());
        Assert.InRange(timer["resumeAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));

        // A small one takes the False port and finishes at once.
        var small = await HttpAssert.JsonAsync(await analyst.PostJsonAsync($"/api/workflow-definitions/{id}/execute", new JsonObject { ["input"] = new JsonObject { ["amount"] = 10 } }));
        Assert.Equal("Completed", small["status"].Text());
        Assert.Equal("fast", small["variables"]!["Route"].Text());
        Assert.Contains(small["journal"]!.AsArray(), j => j!["event"].Text() == "Log" && j["activityId"].Text() == "WriteLine2");
    }

    [Fact]
    public async Task Import_WithUnknownTypesAndJavaScript_Is422NamingEachAndStoresNothing()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("elsa-bad");

        var response = await analyst.PostJsonAsync("/api/workflow-definitions/import", ElsaExports.WithUnsupportedParts(id));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["code"].Text() == "unknown-type" && e["activityId"].Text() == "HttpEndpoint1" && e["message"].Text().Contains("Elsa.HttpEndpoint"));
        Assert.Contains(errors, e => e!["code"].Text() == "unknown-type" && e["activityId"].Text() == "SendEmail1" && e["message"].Text().Contains("Elsa.SendEmail"));
        Assert.Contains(errors, e => e!["code"].Text() == "unsupported-expression" && e["activityId"].Text() == "WriteLine2" && e["input"].Text() == "text");
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"/api/workflow-definitions/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_WithoutPublish_SavesADraftAndReimportOverwritesIt()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("elsa-draft");

        var first = await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions/import", ElsaExports.AmountCheck(id)), HttpStatusCode.Created);
        var again = await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions/import", ElsaExports.AmountCheck(id)), HttpStatusCode.OK);

        Assert.False(first["isPublished"]!.GetValue<bool>());
        Assert.Equal(1, again["version"]!.GetValue<int>());
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-definitions/{id}/execute", new JsonObject()), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Import_AndPublishAnInvalidFlow_Is422AndStoresNothing()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("elsa-invalid");
        var export = ElsaExports.AmountCheck(id);
        export["root"]!["activities"]!.AsArray().Single(a => a!["id"].Text() == "FlowDecision1")!.AsObject().Remove("condition");

        var problem = await HttpAssert.ProblemAsync(await analyst.PostJsonAsync("/api/workflow-definitions/import?publish=true", export), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["activityId"].Text() == "FlowDecision1" && e["input"].Text() == "condition");
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"/api/workflow-definitions/{id}"), HttpStatusCode.NotFound);
    }
}
