using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Bookmarks;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;

namespace Approval.Activities.Tests.Acceptance;

/// <summary>The acceptance activities end to end through the runner: receipt, one-time notice, 容缺, refusal.</summary>
public sealed class AcceptanceFlowTests
{
    // Friday 2026-11-27 10:00 Beijing.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static RunnerHarness Harness() => new(new FlowBuilder("food-licence")
        .Activity("start", "Start")
        .Activity("receive", "AcceptOnReceipt")
        .Activity("notice", "OneTimeDeficiencyNotice")
        .Activity("tolerate", "DeficiencyTolerantAcceptance", ("supplementDays", 5))
        .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
        .Activity("refused", "End")
        .Activity("terminated", "Terminate", ("reason", "容缺材料逾期未补正"))
        .Activity("end", "End")
        .Connect("start", "receive")
        .Connect("receive", "review", "Accepted")
        .Connect("receive", "tolerate", "AcceptedWithDeficiency")
        .Connect("receive", "notice", "CorrectionRequired")
        .Connect("receive", "refused", "Refused")
        .Connect("notice", "review", "Accepted")
        .Connect("notice", "end", "Withdrawn")
        .Connect("tolerate", "review", "Proceed")
        .Connect("tolerate", "terminated", "Terminated")
        .Connect("review", "end", "Approve")
        .Connect("review", "end", "Reject")
        .ToJson(), ActivitiesServiceCollectionExtensions.All, Friday);

    [Fact]
    public async Task CompleteMaterials_AcceptedAtOnce_ReceiptIssuedAndClockStarted()
    {
        var harness = Harness();
        var commit = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        var receipt = Assert.Single(commit.Documents);
        Assert.Equal("AcceptanceReceipt", receipt.Kind);
        Assert.Contains("东莞市某某餐饮有限公司", receipt.Content);
        Assert.Contains("东市监受〔2026〕GD4419-20261127-0001号", receipt.Content);
        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.Equal(new DateOnly(2026, 11, 27), clock.AcceptedOn);
        Assert.Single(harness.OpenWorkItems);
    }

    [Fact]
    public async Task RequiredMaterialMissing_OneNoticeListsAll_SupplementsAccumulate_AcceptedOnTheLastOnesDay()
    {
        var harness = Harness();
        var start = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M02")));
        var notice = Assert.Single(start.Documents);
        Assert.Equal("CorrectionNotice", notice.Kind);
        foreach (var name in new[] { "营业执照", "从业人员健康证明", "食品安全管理制度" })
        {
            Assert.Contains(name, notice.Content);
        }

        Assert.DoesNotContain("经营场所平面图", notice.Content);
        Assert.Empty(harness.Instance.State.Clocks);

        harness.Clock.Advance(TimeSpan.FromDays(3)); // Monday 11-30
        var partial = await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal), new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M01" }, new JsonObject { ["code"] = "M04A" }) });
        Assert.Empty(partial.Documents);
        Assert.Empty(harness.Instance.State.Clocks);

        harness.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 12-01
        var last = await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal), new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M03" }) });
        Assert.Equal("AcceptanceReceipt", Assert.Single(last.Documents).Kind);
        Assert.Equal(new DateOnly(2026, 12, 1), harness.Instance.State.Clocks[LegalClock.CaseClockName].AcceptedOn);
        Assert.Single(harness.OpenWorkItems);
    }

    [Fact]
    public async Task OnlyTolerableMissing_AcceptedWithDeficiency_ReviewProceeds_DeadlineMissedTerminatesTheCase()
    {
        var harness = Harness();
        var start = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M03", "M04")));

        Assert.Equal(["AcceptanceReceipt", "DeficiencyCommitmentLetter", "DeficiencyAcceptanceNotice"], start.Documents.Select(d => d.Kind));
        Assert.Single(harness.OpenWorkItems);
        var lapse = harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Timer);
        // Five working days after Friday 11-27: 12-04 (Fri); the deadline lapses at the start of 12-05 Beijing.
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero), lapse.ResumeAt);

        harness.Clock.SetUtcNow(lapse.ResumeAt!.Value);
        var end = await harness.ResumeAsync(lapse);

        Assert.Contains(end.Documents, d => d.Kind == "TerminationNotice");
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Empty(harness.OpenWorkItems);
        Assert.True(harness.Instance.State.Clocks[LegalClock.CaseClockName].IsStopped);
    }

    [Fact]
    public async Task OnlyTolerableMissing_SuppliedInTime_ContinuesWithoutTermination()
    {
        var harness = Harness();
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M03", "M04")));

        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal), new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M02" }) });

        Assert.DoesNotContain(harness.Bookmarks, b => b.Kind == BookmarkKinds.Timer);
        Assert.Single(harness.OpenWorkItems);
        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
    }

    [Fact]
    public async Task ToleranceNotAllowed_TolerableMissing_GoesToTheOneTimeNotice()
    {
        var harness = Harness();
        var start = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(allowsDeficiencyTolerance: false), CaseSamples.Application("M01", "M03", "M04")));
        Assert.Equal("CorrectionNotice", Assert.Single(start.Documents).Kind);
    }

    [Fact]
    public async Task ElectronicLicenceLinked_ExemptsTheMaterial()
    {
        var harness = Harness();
        var application = CaseSamples.Application("M01", "M02", "M04");
        application["eLicences"] = new JsonArray("M03");
        var start = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), application));
        Assert.Equal("AcceptanceReceipt", Assert.Single(start.Documents).Kind);
    }

    [Fact]
    public async Task OutsideCompetence_RefusalNoticeWithRemedies()
    {
        var harness = Harness();
        var application = CaseSamples.Application("M01", "M02", "M03", "M04");
        application["outsideCompetence"] = true;
        var start = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), application));

        var refusal = Assert.Single(start.Documents);
        Assert.Equal("RefusalOfAcceptanceNotice", refusal.Kind);
        Assert.Contains("职权范围", refusal.Content);
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Empty(harness.Instance.State.Clocks);
    }

    [Fact]
    public async Task Withdrawal_DuringTheOneTimeNotice_EndsWithoutAcceptance()
    {
        var harness = Harness();
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M02")));
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal), new JsonObject { ["withdraw"] = true });
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Equal("Withdrawn", harness.Instance.Variables["acceptance"]!["status"]!.GetValue<string>());
    }
}
