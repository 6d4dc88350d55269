using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Clocks;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;
namespace Approval.Activities.Tests.Results;
public sealed class TmpProbe
{
    private static RunnerHarness H() => new(new FlowBuilder("p").Activity("start","Start").Activity("receive","AcceptOnReceipt").Activity("end","End").Connect("start","receive").Connect("receive","end","Accepted").ToJson(), ActivitiesServiceCollectionExtensions.All, At("2026-09-18 10:00"));
    [Fact]
    public async Task Probe()
    {
        var h = H();
        var a = CaseSamples.Application("M01","M02","M03","M04"); a["receivedAt"] = "2026-09-18 17:30";
        var c = await h.StartAsync(CaseSamples.Input(CaseSamples.Guide(), a));
        var i = c.Documents[0].Content.IndexOf("提交的");
        var r = c.Clocks.Single();
        var h2 = H();
        var input = CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01","M02","M03","M04")); input["handler"] = new JsonObject{["phone"]="1"};
        var c2 = await h2.StartAsync(input);
        var c3 = await h2.RetryAsync();
        Assert.Fail($"{c.Documents[0].Content.Substring(i-30, 33)} | {r.AcceptedOn} {r.CommittedDueDate} | clocks after fault {c2.Clocks.Count} {c2.Clocks.FirstOrDefault()?.Status} {c2.Outbox.Count} | retry: {h2.Instance.Incident?.Error}");
    }
}
