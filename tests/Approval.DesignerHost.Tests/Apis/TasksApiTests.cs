using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class TasksApiTests(ApprovalHostFactory host)
{
    private const string Department = "市市场监督管理局";

    private async Task<(string InstanceId, string TaskId)> StartReviewAsync()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("inbox");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("review", "HumanTask", ("title", "审查食品经营许可申请"), ("candidateRoles", new JsonArray("Approver")), ("department", Department), ("limitWorkingDays", 3))
            .Activity("end", "End")
            .Connect("start", "review").Connect("review", "end", "Approve").Connect("review", "end", "Reject"));
        var run = await analyst.ExecuteAsync(id, correlationId: $"GD-{Guid.NewGuid():N}"[..16]);
        return (run["instanceId"].Text(), run["workItems"]![0]!["id"].Text());
    }

    private static async Task<JsonArray> InboxAsync(HttpClient client, string scope) =>
        (await HttpAssert.JsonAsync(await client.GetAsync($"/api/tasks?scope={scope}"))).AsArray();

    [Fact]
    public async Task ClaimReleaseTransferDelegateResolve_ThenComplete_EachJournaledWithActorAndComment()
    {
        var reviewer = await host.ClientForAsync("reviewer");
        var chief = await host.ClientForAsync("chief");
        var admin = await host.ClientForAsync("admin");
        var clerk = await host.ClientForAsync("clerk");
        var (instanceId, taskId) = await StartReviewAsync();

        var pool = await InboxAsync(reviewer, "candidate");
        var listed = Assert.Single(pool, t => t!["id"].Text() == taskId)!;
        Assert.Equal("HumanTask", listed["activityType"].Text());
        Assert.NotNull(listed["dueDate"]);
        Assert.Equal(["Approve", "Reject"], listed["allowedOutcomes"]!.AsArray().Select(o => o.Text()));
        Assert.DoesNotContain(await InboxAsync(clerk, "candidate"), t => t!["id"].Text() == taskId);

        await HttpAssert.ProblemAsync(await clerk.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.Forbidden);
        var claimed = await HttpAssert.JsonAsync(await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null));
        Assert.Equal("reviewer", claimed["assignee"].Text());
        Assert.Contains(await InboxAsync(reviewer, "mine"), t => t!["id"].Text() == taskId);
        Assert.DoesNotContain(await InboxAsync(reviewer, "candidate"), t => t!["id"].Text() == taskId);
        await HttpAssert.ProblemAsync(await admin.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.Conflict);

        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/release", new JsonObject { ["comment"] = "请同事办理" }));
        Assert.Contains(await InboxAsync(reviewer, "candidate"), t => t!["id"].Text() == taskId);

        await HttpAssert.JsonAsync(await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null));
        var transferred = await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/transfer", new JsonObject { ["to"] = "chief", ["comment"] = "转首席事务代表" }));
        Assert.Equal("chief", transferred["assignee"].Text());
        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "Approve" }), HttpStatusCode.Forbidden);

        var delegated = await HttpAssert.JsonAsync(await chief.PostJsonAsync($"/api/tasks/{taskId}/delegate", new JsonObject { ["to"] = "reviewer", ["comment"] = "请先出具审查意见" }));
        Assert.Equal("reviewer", delegated["assignee"].Text());
        Assert.Equal("chief", delegated["delegatedBy"].Text());
        var notYet = await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "Approve" }), HttpStatusCode.Conflict);
        Assert.Contains("delegated", notYet["detail"].Text());
        var resolved = await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/resolve", new JsonObject { ["comment"] = "材料齐全，建议准予" }));
        Assert.Equal("chief", resolved["assignee"].Text());

        await HttpAssert.JsonAsync(await chief.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "Approve", ["comment"] = "同意" }));
        await HttpAssert.ProblemAsync(await chief.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = "Approve" }), HttpStatusCode.Conflict);

        var journal = (await reviewer.GetInstanceAsync(instanceId))["journal"]!.AsArray().Where(j => j!["event"].Text() == "WorkItemOperated").ToList();
        Assert.Equal(["Claim", "Release", "Claim", "Transfer", "Delegate", "Resolve"], journal.Select(j => j!["data"]!["operation"].Text()));
        Assert.Equal(["reviewer", "reviewer", "reviewer", "reviewer", "chief", "reviewer"], journal.Select(j => j!["actor"].Text()));
        Assert.Equal("材料齐全，建议准予", journal[^1]!["data"]!["comment"].Text());
    }

    [Fact]
    public async Task UrgeAndCarbonCopy_NotifyTheHolderAndTheCopied()
    {
        var reviewer = await host.ClientForAsync("reviewer");
        var supervisor = await host.ClientForAsync("supervisor");
        var chief = await host.ClientForAsync("chief");
        var (instanceId, taskId) = await StartReviewAsync();
        await HttpAssert.JsonAsync(await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null));

        await HttpAssert.JsonAsync(await supervisor.PostJsonAsync($"/api/tasks/{taskId}/urge", new JsonObject { ["comment"] = "请今日办结" }));
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{taskId}/cc", new JsonObject { ["to"] = new JsonArray("chief"), ["comment"] = "供知悉" }));

        var reviewerInbox = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/notifications"))).AsArray();
        Assert.Contains(reviewerInbox, n => n!["kind"].Text() == "Urge" && n["instanceId"].Text() == instanceId && n["body"].Text() == "请今日办结");
        var chiefInbox = (await HttpAssert.JsonAsync(await chief.GetAsync("/api/notifications"))).AsArray();
        Assert.Contains(chiefInbox, n => n!["kind"].Text() == "CarbonCopy" && n["instanceId"].Text() == instanceId);
    }

    [Fact]
    public async Task ReturnAndAddSigner_OnAnApprovalTask()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var chief = await host.ClientForAsync("chief");
        var id = HttpAssert.UniqueId("approval");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("intake", "HumanTask", ("title", "受理审查"), ("assignee", "clerk"))
            .Activity("approve", "ApprovalTask", ("title", "审批"), ("assignees", new JsonArray("reviewer")))
            .Activity("end", "End")
            .Connect("start", "intake").Connect("intake", "approve", "Approve").Connect("intake", "end", "Reject")
            .Connect("approve", "end", "Approve").Connect("approve", "end", "Reject").Connect("approve", "end", "Return"));
        var run = await analyst.ExecuteAsync(id);
        await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/tasks/{run["workItems"]![0]!["id"].Text()}/complete", new JsonObject { ["outcome"] = "Approve" }));
        var approval = Assert.Single(await InboxAsync(reviewer, "mine"), t => t!["applicationId"].Text() == run["instanceId"].Text())!;
        Assert.Equal("ApprovalTask", approval["activityType"].Text());

        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync($"/api/tasks/{approval["id"].Text()}/add-signer", new JsonObject()), HttpStatusCode.BadRequest);
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{approval["id"].Text()}/add-signer", new JsonObject { ["signer"] = "chief" }));
        Assert.Contains(await InboxAsync(chief, "mine"), t => t!["applicationId"].Text() == run["instanceId"].Text());

        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync($"/api/tasks/{approval["id"].Text()}/return", new JsonObject { ["to"] = "nowhere" }), HttpStatusCode.BadRequest);
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{approval["id"].Text()}/return", new JsonObject { ["to"] = "intake", ["comment"] = "请补充核查意见" }));
        var back = Assert.Single(await InboxAsync(clerk, "mine"), t => t!["applicationId"].Text() == run["instanceId"].Text())!;
        Assert.Equal("intake", back["activityId"].Text());
        Assert.DoesNotContain(await InboxAsync(chief, "mine"), t => t!["applicationId"].Text() == run["instanceId"].Text());
    }

    [Fact]
    public async Task BadScopeOrStatus_Is400()
    {
        var reviewer = await host.ClientForAsync("reviewer");
        await HttpAssert.ProblemAsync(await reviewer.GetAsync("/api/tasks?scope=everyone"), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await reviewer.GetAsync("/api/tasks?status=maybe"), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await reviewer.PostAsync($"/api/tasks/{Guid.NewGuid()}/claim", null), HttpStatusCode.NotFound);
    }
}
