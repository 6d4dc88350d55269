using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class SignalsApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Signal_WithCorrelationId_ResumesOnlyTheMatchingInstance()
    {
        var analyst = await host.ClientForAsync("analyst");
        var clerk = await host.ClientForAsync("clerk");
        var id = HttpAssert.UniqueId("signal");
        var signal = HttpAssert.UniqueId("paid");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Variable("payment")
            .Activity("start", "Start")
            .Activity("wait", "WaitForSignal", ("signal", signal), ("resultVariable", "payment"))
            .Activity("end", "End")
            .Chain("start", "wait", "end"));
        var mine = await analyst.ExecuteAsync(id, correlationId: "CASE-1");
        var other = await analyst.ExecuteAsync(id, correlationId: "CASE-2");
        Assert.Equal("Suspended", mine["status"].Text());

        var result = await HttpAssert.JsonAsync(await clerk.PostJsonAsync(
            $"/api/signals/{signal}", new JsonObject { ["correlationId"] = "CASE-1", ["payload"] = new JsonObject { ["amount"] = 120 } }));

        Assert.Equal([mine["instanceId"].Text()], result["resumed"]!.AsArray().Select(r => r.Text()));
        var resumed = await analyst.GetInstanceAsync(mine["instanceId"].Text());
        Assert.Equal("Completed", resumed["status"].Text());
        Assert.Equal(120, resumed["variables"]!["payment"]!["amount"]!.GetValue<int>());
        Assert.Contains(resumed["journal"]!.AsArray(), j => j!["event"].Text() == "BookmarkResumed" && j["actor"].Text() == "clerk");
        var waiting = await analyst.GetInstanceAsync(other["instanceId"].Text());
        Assert.Equal("Suspended", waiting["status"].Text());
        Assert.Equal(signal, waiting["bookmarks"]![0]!["signalName"].Text());

        var nothing = await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/signals/{signal}", new JsonObject { ["correlationId"] = "CASE-1" }));
        Assert.Empty(nothing["resumed"]!.AsArray());
    }

    [Fact]
    public async Task Signal_AsApprover_Is403()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync("/api/signals/anything", new JsonObject()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signal_WithoutCorrelationId_IsRefusedUnlessAdmin()
    {
        var clerk = await host.ClientForAsync("clerk");
        var admin = await host.ClientForAsync("admin");

        var problem = await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/signals/anything", new JsonObject()), HttpStatusCode.BadRequest);
        Assert.Contains("correlationId", problem["title"]!.GetValue<string>());
        await HttpAssert.JsonAsync(await admin.PostJsonAsync("/api/signals/nobody-waits-on-this", new JsonObject()));
    }
}
