using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class WorkflowInstancesApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Execute_RunsThePublishedVersionWithItsInput()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("exec");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Variable("applicant")
            .Activity("start", "Start")
            .Activity("set", "SetVariable", ("variable", "applicant"), ("value", FlowBuilder.Scriban("input.form.name + '（' + input.form.idType + '）'")))
            .Activity("log", "Log", ("message", FlowBuilder.Scriban("'申请人 ' + applicant")))
            .Activity("end", "End")
            .Chain("start", "set", "log", "end"));

        var run = await analyst.ExecuteAsync(id, new JsonObject { ["form"] = new JsonObject { ["name"] = "张三", ["idType"] = "身份证" } });

        Assert.Equal("Completed", run["status"].Text());
        Assert.Equal(id, run["definitionId"].Text());
        Assert.Equal(1, run["version"]!.GetValue<int>());
        Assert.Equal("张三（身份证）", run["variables"]!["applicant"].Text());
        Assert.Contains(run["journal"]!.AsArray(), j => j!["event"].Text() == "Log" && j["data"]!["message"].Text() == "申请人 张三（身份证）");
        Assert.Empty(run["workItems"]!.AsArray());
        var instance = await analyst.GetInstanceAsync(run["instanceId"].Text());
        Assert.Equal("Completed", instance["status"].Text());
        Assert.Equal("张三", instance["input"]!["form"]!["name"].Text());
        Assert.NotNull(instance["finishedAt"]);
    }

    [Fact]
    public async Task Execute_UnpublishedUnknownOrAsReviewer_IsProblem()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("unpublished");
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", FlowBuilder.SingleTask(id).ToJsonObject()), HttpStatusCode.Created);

        var unpublished = await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-definitions/{id}/execute", new JsonObject()), HttpStatusCode.Conflict);
        Assert.Contains("publish", unpublished["detail"].Text());
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync("/api/workflow-definitions/no-such-flow/execute", new JsonObject()), HttpStatusCode.NotFound);
        var reviewer = await host.ClientForAsync("reviewer");
        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync("/api/workflow-definitions/demo-approval/execute", new JsonObject()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Execute_WithAnExpressionThatFails_FaultsTheInstanceWithAnIncident_AndRetryRunsItAgain()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("fault");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("check", "Decision", ("condition", FlowBuilder.Scriban("input.answer")))
            .Activity("end", "End")
            .Connect("start", "check")
            .Connect("check", "end", "True")
            .Connect("check", "end", "False"));

        var run = await analyst.ExecuteAsync(id, new JsonObject { ["answer"] = "perhaps" });

        Assert.Equal("Faulted", run["status"].Text());
        Assert.Equal("check", run["incident"]!["activityId"].Text());
        Assert.Contains("condition", run["incident"]!["error"].Text());
        var retried = await HttpAssert.JsonAsync(await analyst.PostAsync($"/api/workflow-instances/{run["instanceId"].Text()}/retry", null));
        Assert.Contains(retried["journal"]!.AsArray(), j => j!["event"].Text() == "InstanceRetried");
        Assert.Equal("Faulted", retried["status"].Text());
    }

    [Fact]
    public async Task Cancel_AWaitingInstance_CancelsItAndItsWorkItems_AndRetryOrCancelAgainIs409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var run = await analyst.ExecuteAsync("demo-approval");
        var instanceId = run["instanceId"].Text();

        await HttpAssert.ProblemAsync(await (await host.ClientForAsync("reviewer")).PostJsonAsync($"/api/workflow-instances/{instanceId}/cancel", new JsonObject()), HttpStatusCode.Forbidden);
        var cancelled = await HttpAssert.JsonAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{instanceId}/cancel", new JsonObject { ["reason"] = "申请人撤回" }));

        Assert.Equal("Cancelled", cancelled["status"].Text());
        var instance = await analyst.GetInstanceAsync(instanceId);
        Assert.Equal("Cancelled", instance["status"].Text());
        Assert.Equal("Cancelled", instance["workItems"]![0]!["status"].Text());
        Assert.Empty(instance["bookmarks"]!.AsArray());
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{instanceId}/cancel", new JsonObject()), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await analyst.PostAsync($"/api/workflow-instances/{instanceId}/retry", null), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await (await host.ClientForAsync("reviewer")).CompleteAsync(run["workItems"]![0]!["id"].Text(), "Approve"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Get_UnknownInstance_Is404Problem()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        await HttpAssert.ProblemAsync(await reviewer.GetAsync($"/api/workflow-instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResumeBookmark_Once_ThenConflict_AndTasksMustGoThroughTheirWorkItem()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("resume");
        await analyst.PublishAsync(new FlowBuilder(id).Variable("reply")
            .Activity("start", "Start")
            .Activity("fork", "Fork")
            .Activity("wait", "WaitForSignal", ("signal", "Reply"), ("resultVariable", "reply"))
            .Activity("task", "HumanTask", ("title", "复核"), ("candidateRoles", new JsonArray("Approver")), ("outcomes", new JsonArray("Done")))
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "wait").Connect("fork", "task")
            .Connect("wait", "end").Connect("task", "end", "Done"));
        var run = await analyst.ExecuteAsync(id, correlationId: "CASE-R");
        var instanceId = run["instanceId"].Text();
        var bookmarks = (await analyst.GetInstanceAsync(instanceId))["bookmarks"]!.AsArray();
        var signalBookmark = bookmarks.Single(b => b!["kind"].Text() == "Signal")!["id"].Text();
        var taskBookmark = bookmarks.Single(b => b!["kind"].Text() == "HumanTask")!["id"].Text();

        var body = new JsonObject { ["payload"] = new JsonObject { ["text"] = "已补正" } };
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{instanceId}/bookmarks/{signalBookmark}/resume", body));
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{instanceId}/bookmarks/{signalBookmark}/resume", body), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{instanceId}/bookmarks/{taskBookmark}/resume", body), HttpStatusCode.BadRequest);

        var instance = await analyst.GetInstanceAsync(instanceId);
        Assert.Equal("已补正", instance["variables"]!["reply"]!["text"].Text());
        Assert.Equal("Suspended", instance["status"].Text());
    }
}
