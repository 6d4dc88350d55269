using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Results;

/// <summary>不予许可 (Art. 38(2)): the decision gives every reason and the remedies (review within 60 days, suit within 6 months); the clock stops.</summary>
/// <remarks>Accepted on receipt Friday 2026-09-18 10:00; refused Wednesday 09-30 15:00, with a notification task after it so the instance still runs.</remarks>
public sealed class RejectApplicationTests
{
    private const string DecidedAt = "2026-09-30 15:00";

    private static readonly string[] Reasons =
    [
        "经营场所与住宅未有效隔离，不符合《食品经营许可和备案管理办法》第十二条的规定",
        "现场核查发现未设置与经营品种相适应的冷藏设备",
    ];

    private static RunnerHarness Harness(JsonNode? reasons) => new(
        new FlowBuilder("reject")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("reject", "Reject", ("reasons", reasons))
            .Activity("notify", "HumanTask", ("title", "送达"), ("candidateRoles", new JsonArray("Clerk")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted")
            .Connect("review", "reject", "Reject")
            .Connect("reject", "notify")
            .Connect("notify", "end", "Approve")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2026-09-18 10:00"));

    private static async Task<(RunnerHarness Harness, WorkflowCommit Decided)> RejectAsync(JsonNode? reasons, JsonObject? guide = null)
    {
        var harness = Harness(reasons);
        await harness.StartAsync(CaseSamples.Input(guide ?? CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(DecidedAt));
        var decided = await harness.CompleteAsync("review", "Reject", actor: "李科长");
        return (harness, decided);
    }

    [Fact]
    public async Task Rejection_DecisionListsEveryReasonAndTheRemedies_ClockStops_ResultRejected()
    {
        var (harness, decided) = await RejectAsync(new JsonArray([.. Reasons.Select(r => (JsonNode)r)]));

        var decision = Assert.Single(decided.Documents);
        Assert.Equal(("RejectionDecision", "不予行政许可决定书"), (decision.Kind, decision.Title));
        Assert.Equal("东市监不准〔2026〕GD4419-20261127-0001号", decision.Number);
        foreach (var reason in Reasons)
        {
            Assert.Contains($"<li>{reason}</li>", decision.Content);
        }

        Assert.Contains("《中华人民共和国食品安全法》第三十五条", decision.Content); // the guide's legal basis
        Assert.Contains("本决定于2026年9月30日作出", decision.Content);
        Assert.Contains("六十日内向本机关的上一级主管部门或者本级人民政府申请行政复议", decision.Content);
        Assert.Contains("六个月内向有管辖权的人民法院提起行政诉讼", decision.Content);

        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.Equal(At(DecidedAt), clock.StoppedAt);
        Assert.Equal("不予许可，作出决定。", clock.History[^1].Reason);
        Assert.Equal(ClockStatus.Stopped, Assert.Single(decided.Clocks).Status);

        var result = harness.Instance.Variables["result"]!;
        Assert.Equal("Rejected", result["status"]!.GetValue<string>());
        Assert.Equal(Reasons, result["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("2026-09-30", result["decidedOn"]!.GetValue<string>());
        Assert.Equal(decision.Id.ToString(), result["decisionDocumentId"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
    }

    [Fact]
    public async Task Rejection_GuideNamesItsOwnReviewBodyAndCourt_Printed()
    {
        var guide = CaseSamples.Guide();
        guide["remedies"] = new JsonObject { ["reviewBody"] = "东莞市人民政府", ["court"] = "东莞市第一人民法院" };

        var (_, decided) = await RejectAsync(new JsonArray(Reasons[0]), guide);

        var content = Assert.Single(decided.Documents).Content;
        Assert.Contains("六十日内向东莞市人民政府申请行政复议", content);
        Assert.Contains("六个月内向东莞市第一人民法院提起行政诉讼", content);
    }

    [Theory]
    [InlineData(true)] // an empty list written in the definition
    [InlineData(false)] // an expression that finds nothing
    public async Task Rejection_NoReasons_Faults_NoDecision_ClockStillRuns(bool emptyList)
    {
        var (harness, decided) = await RejectAsync(emptyList ? new JsonArray() : FlowBuilder.Scriban("input.reasons"));

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("reject", harness.Instance.Incident!.ActivityId);
        Assert.Contains("A refusal must give its reasons", harness.Instance.Incident.Error);
        Assert.Empty(decided.Documents);
        Assert.False(harness.Instance.State.Clocks[LegalClock.CaseClockName].IsStopped);
        Assert.Null(harness.Instance.Variables["result"]);
    }
}
