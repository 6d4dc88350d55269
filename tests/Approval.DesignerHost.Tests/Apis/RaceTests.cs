using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>Many people pressing the same button at once: exactly one wins, the others are told it is taken.</summary>
[Collection(HostCollection.Name)]
public sealed class RaceTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task FiftyConcurrentCompletions_OfOneTask_ExactlyOneSucceedsAndTheRestAre409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var admin = await host.ClientForAsync("admin");
        var id = HttpAssert.UniqueId("race");
        await analyst.PublishAsync(FlowBuilder.SingleTask(id));
        var run = await analyst.ExecuteAsync(id);
        var taskId = run["workItems"]![0]!["id"].Text();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            admin.PostJsonAsync($"/api/tasks/{taskId}/complete", new JsonObject { ["outcome"] = i % 2 == 0 ? "Approve" : "Reject", ["comment"] = $"#{i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var instance = await admin.GetInstanceAsync(run["instanceId"].Text());
        Assert.Equal("Completed", instance["status"].Text());
        Assert.Single(instance["journal"]!.AsArray(), j => j!["event"].Text() == "BookmarkResumed");
        Assert.Single(instance["journal"]!.AsArray(), j => j!["event"].Text() == "InstanceCompleted");
    }
}
