using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Review;

/// <summary>ExtendDeadline in a case with a guide: the applicant is told the reason and the new due date (Art. 42); a refused extension tells nothing.</summary>
/// <remarks>
/// Accepted on receipt Friday 2026-09-18 10:00, committed 10 → due 10-09, statutory 20 → due 10-22 (count in
/// <see cref="SpecialProcedureTests"/>). Ten more working days: committed #20 = 10-22; statutory #30: 10-23 21, 10-26 22,
/// 10-27 23, 10-28 24, 10-29 25, 10-30 26, 11-02 27, 11-03 28, 11-04 29, 11-05 30.
/// </remarks>
public sealed class ExtendDeadlineNoticeTests
{
    private static RunnerHarness Harness(bool twice = false)
    {
        var flow = new FlowBuilder("extend-notice")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("approval", "HumanTask", ("title", "局长审批延期"), ("candidateRoles", new JsonArray("Head")), ("resultVariable", "approval"))
            .Activity("extend", "ExtendDeadline", ("approvedBy", FlowBuilder.Scriban("approval.by")), ("reason", "需组织专家对新型工艺进行论证"))
            .Activity("refused", "Log", ("message", "延期未获准"))
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "approval", "Accepted")
            .Connect("approval", "extend", "Approve")
            .Connect("extend", "refused", "Refused")
            .Connect("refused", "review")
            .Connect("review", "end", "Approve");
        if (twice)
        {
            flow.Activity("again", "ExtendDeadline", ("approvedBy", FlowBuilder.Scriban("approval.by")), ("reason", "论证未完成"))
                .Activity("againRefused", "Log", ("message", "第二次延期未获准"))
                .Connect("extend", "again", "Extended")
                .Connect("again", "review", "Extended")
                .Connect("again", "againRefused", "Refused")
                .Connect("againRefused", "review");
        }
        else
        {
            flow.Connect("extend", "review", "Extended");
        }

        return new RunnerHarness(flow.ToJson(), ActivitiesServiceCollectionExtensions.All, At("2026-09-18 10:00"));
    }

    private static async Task<(RunnerHarness Harness, WorkflowCommit Approved)> ApproveAsync(string approvedAt, bool twice = false)
    {
        var harness = Harness(twice);
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(approvedAt));
        var approved = await harness.CompleteAsync("approval", "Approve", actor: "王局长");
        return (harness, approved);
    }

    [Fact]
    public async Task Extended_NoticeGivesTheReasonApproverAndNewDueDate()
    {
        var (harness, approved) = await ApproveAsync("2026-09-29 10:00");

        var notice = Assert.Single(approved.Documents);
        Assert.Equal(("ExtensionNotice", "延长办理期限告知书"), (notice.Kind, notice.Title));
        Assert.Equal("东市监延〔2026〕GD4419-20261127-0001号", notice.Number);
        Assert.Contains("本机关已于2026年9月18日受理", notice.Content);
        Assert.Contains("因需组织专家对新型工艺进行论证", notice.Content);
        Assert.Contains("经本机关负责人王局长批准", notice.Content);
        Assert.Contains("办理期限延长10个工作日，由2026年10月9日延长至2026年10月22日", notice.Content);
        Assert.Contains("承办人：王芳", notice.Content);
        Assert.Contains("东莞市某某餐饮有限公司", notice.Content);

        var record = Assert.Single(approved.Clocks);
        Assert.Equal(Day("2026-10-22"), record.CommittedDueDate);
        Assert.Equal(Day("2026-11-05"), record.StatutoryDueDate);
        Assert.Equal(10, harness.Instance.State.Clocks[LegalClock.CaseClockName].ExtensionDays);
        Assert.Equal("review", Assert.Single(harness.OpenWorkItems).ActivityId);
    }

    [Fact]
    public async Task RefusedAfterTheDueDate_NoNotice_ClockUnchanged()
    {
        // Monday 10-12 is past the committed due date 10-09.
        var (harness, approved) = await ApproveAsync("2026-10-12 10:00");

        Assert.Empty(approved.Documents);
        Assert.Equal(1, harness.Count(JournalEvents.Log, "refused"));
        Assert.Equal(0, harness.Instance.State.Clocks[LegalClock.CaseClockName].ExtensionDays);
        Assert.Empty(approved.Clocks);
    }

    [Fact]
    public async Task SecondExtension_Refused_OnlyTheFirstIsNotified()
    {
        var (harness, approved) = await ApproveAsync("2026-09-29 10:00", twice: true);

        var notice = Assert.Single(approved.Documents);
        Assert.Equal("ExtensionNotice", notice.Kind);
        Assert.Contains("需组织专家对新型工艺进行论证", notice.Content);
        Assert.DoesNotContain(approved.Documents, d => d.Content.Contains("论证未完成", StringComparison.Ordinal));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "againRefused"));
        Assert.Equal(10, harness.Instance.State.Clocks[LegalClock.CaseClockName].ExtensionDays);
    }

    [Fact]
    public async Task NoGuideInTheCase_ExtendedWithoutANotice()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("extend-bare")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20))
                .Activity("extend", "ExtendDeadline", ("approvedBy", "王局长"), ("reason", "需组织专家论证"))
                .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("end", "End")
                .Chain("start", "clock", "extend")
                .Connect("extend", "review", "Extended")
                .Connect("review", "end", "Approve")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));

        var commit = await harness.StartAsync();

        Assert.Empty(commit.Documents);
        Assert.Equal(10, harness.Instance.State.Clocks[LegalClock.CaseClockName].ExtensionDays);
    }

    [Fact]
    public async Task NoticeCannotBeIssued_Faults_ClockNotExtended()
    {
        // The office has no seal text, so no lawful notice can go out; the extension must not happen without it.
        var input = CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04"));
        input["office"]!.AsObject().Remove("sealText");
        var harness = new RunnerHarness(
            new FlowBuilder("extend-unsealed")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20))
                .Activity("extend", "ExtendDeadline", ("approvedBy", "王局长"), ("reason", "需组织专家论证"))
                .Activity("end", "End")
                .Chain("start", "clock", "extend")
                .Connect("extend", "end", "Extended")
                .Connect("extend", "end", "Refused")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));

        var commit = await harness.StartAsync(input);

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("extend", harness.Instance.Incident!.ActivityId);
        Assert.Contains("office.sealText", harness.Instance.Incident.Error);
        Assert.Empty(commit.Documents);
        Assert.Equal(0, harness.Instance.State.Clocks[LegalClock.CaseClockName].ExtensionDays);
    }
}
