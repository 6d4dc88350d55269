using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class WorkItemsApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Complete_AsCandidateRole_CompletesTheInstance_AndASecondTimeIs409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var reviewer = await host.ClientForAsync("reviewer");
        var id = HttpAssert.UniqueId("review");
        await analyst.PublishAsync(FlowBuilder.SingleTask(id, title: "审核营业执照申请"));

        var run = await analyst.ExecuteAsync(id, correlationId: "CASE-42");
        Assert.Equal("Suspended", run["status"].Text());
        var item = Assert.Single(run["workItems"]!.AsArray())!;
        Assert.Equal("审核营业执照申请", item["title"].Text());
        Assert.Equal(["Approver"], item["candidateRoles"]!.AsArray().Select(r => r.Text()));
        Assert.Equal("Open", item["status"].Text());

        var completed = await HttpAssert.JsonAsync(await reviewer.CompleteAsync(item["id"].Text(), "Approve", comment: "材料齐全"));
        Assert.Equal("Completed", completed["status"].Text());
        Assert.Equal(run["instanceId"].Text(), completed["instanceId"].Text());

        var again = await HttpAssert.ProblemAsync(await reviewer.CompleteAsync(item["id"].Text(), "Reject"), HttpStatusCode.Conflict);
        Assert.Contains("already completed", again["detail"].Text());

        var instance = await reviewer.GetInstanceAsync(run["instanceId"].Text());
        Assert.Equal("Completed", instance["status"].Text());
        Assert.Equal("CASE-42", instance["correlationId"].Text());
        var stored = Assert.Single(instance["workItems"]!.AsArray())!;
        Assert.Equal("Completed", stored["status"].Text());
        Assert.Equal("Approve", stored["outcome"].Text());
        Assert.Equal("reviewer", stored["completedBy"].Text());
        Assert.Equal("材料齐全", stored["comment"].Text());
        Assert.Empty(instance["bookmarks"]!.AsArray());
        var journal = instance["journal"]!.AsArray();
        Assert.Equal("InstanceStarted", journal[0]!["event"].Text());
        Assert.Equal("analyst", journal[0]!["actor"].Text());
        Assert.Contains(journal, j => j!["event"].Text() == "BookmarkResumed" && j["actor"].Text() == "reviewer");
        Assert.Equal("InstanceCompleted", journal[^1]!["event"].Text());
    }

    [Fact]
    public async Task Complete_WithAnOutcomeTheTaskDoesNotOffer_Is400AndTheTaskStaysOpen()
    {
        var analyst = await host.ClientForAsync("analyst");
        var reviewer = await host.ClientForAsync("reviewer");
        var id = HttpAssert.UniqueId("outcome");
        await analyst.PublishAsync(FlowBuilder.SingleTask(id));
        var itemId = (await analyst.ExecuteAsync(id))["workItems"]![0]!["id"].Text();

        var problem = await HttpAssert.ProblemAsync(await reviewer.CompleteAsync(itemId, "Maybe"), HttpStatusCode.BadRequest);

        Assert.Contains("Approve, Reject", problem["detail"].Text());
        var item = await HttpAssert.JsonAsync(await reviewer.GetAsync($"/api/work-items/{itemId}"));
        Assert.Equal("Open", item["status"].Text());
    }

    [Fact]
    public async Task Complete_AsAUserWithoutTheRole_Is403AndTheTaskStaysOpen()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var id = HttpAssert.UniqueId("role");
        await analyst.PublishAsync(FlowBuilder.SingleTask(id));
        var itemId = (await analyst.ExecuteAsync(id))["workItems"]![0]!["id"].Text();

        var problem = await HttpAssert.ProblemAsync(await clerk.CompleteAsync(itemId, "Approve"), HttpStatusCode.Forbidden);

        Assert.Contains("Approver", problem["detail"].Text());
        var item = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/work-items/{itemId}"));
        Assert.Equal("Open", item["status"].Text());
    }

    [Fact]
    public async Task Complete_AssignedTask_IsForTheAssigneeAndAdminOnly()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("assignee");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("first", "HumanTask", ("title", "首席代表当场办结"), ("assignee", "chief"), ("outcomes", new JsonArray("Done")))
            .Activity("second", "HumanTask", ("title", "管理员复核"), ("assignee", "chief"), ("outcomes", new JsonArray("Done")))
            .Activity("end", "End")
            .Chain("start", "first", "second", "end"));
        var first = (await analyst.ExecuteAsync(id))["workItems"]![0]!["id"].Text();

        await HttpAssert.ProblemAsync(await (await host.ClientForAsync("reviewer")).CompleteAsync(first, "Done"), HttpStatusCode.Forbidden);
        var afterChief = await HttpAssert.JsonAsync(await (await host.ClientForAsync("chief")).CompleteAsync(first, "Done"));
        var second = afterChief["workItems"]![0]!["id"].Text();
        var afterAdmin = await HttpAssert.JsonAsync(await (await host.ClientForAsync("admin")).CompleteAsync(second, "Done"));

        Assert.Equal("Completed", afterAdmin["status"].Text());
    }

    [Fact]
    public async Task Complete_DepartmentTask_IsForThatDepartmentOnly()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("department");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", "局内会商"), ("department", "市市场监督管理局"), ("outcomes", new JsonArray("Done")))
            .Activity("end", "End")
            .Chain("start", "task", "end"));
        var itemId = (await analyst.ExecuteAsync(id))["workItems"]![0]!["id"].Text();

        // analyst works at the data bureau; supervisor at market regulation.
        await HttpAssert.ProblemAsync(await analyst.CompleteAsync(itemId, "Done"), HttpStatusCode.Forbidden);
        var done = await HttpAssert.JsonAsync(await (await host.ClientForAsync("supervisor")).CompleteAsync(itemId, "Done"));

        Assert.Equal("Completed", done["status"].Text());
    }

    [Fact]
    public async Task Complete_UnknownItemOrMalformedBody_IsProblem()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        await HttpAssert.ProblemAsync(await reviewer.CompleteAsync(Guid.NewGuid().ToString(), "Approve"), HttpStatusCode.NotFound);
        var malformed = await HttpAssert.ProblemAsync(
            await reviewer.PostTextAsync($"/api/work-items/{Guid.NewGuid()}/complete", """{"outcome": Approve}"""), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", malformed["detail"].Text());
    }
}
