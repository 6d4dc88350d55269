using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Bookmarks;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;

namespace Approval.Activities.Tests;

/// <summary>One definition that uses every government-service activity validates, and its main path runs to the end.</summary>
public sealed class EveryActivityDefinitionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private static string Definition() => new FlowBuilder("every-activity", "全部活动")
        .Activity("start", "Start")
        .Activity("route", "Decision", ("condition", FlowBuilder.Scriban("input.on_the_spot == true")))
        .Activity("spot", "OnTheSpotHandling")
        .Activity("receive", "AcceptOnReceipt")
        .Activity("notice", "OneTimeDeficiencyNotice")
        .Activity("tolerate", "DeficiencyTolerantAcceptance")
        .Activity("commit", "InformedCommitment", ("proofs", FlowBuilder.Expression("Object", new JsonArray(new JsonObject { ["name"] = "无犯罪记录证明", ["obligation"] = "申请人无相关犯罪记录", ["content"] = "本人承诺无相关犯罪记录" }))))
        .Activity("inspect", "SpecialProcedure", ("procedure", "SiteInspection"), ("budgetDays", 3), ("candidateRoles", new JsonArray("Approver")))
        .Activity("hearing", "Hearing")
        .Activity("pause", "PauseClock", ("reason", "等待申请人说明"))
        .Activity("explain", "WaitForSignal", ("signal", "explanation"))
        .Activity("resume", "ResumeClock")
        .Activity("extend", "ExtendDeadline", ("approvedBy", "局长"), ("reason", "需组织专家论证"))
        .Activity("deadline", "DeadlineTimer", ("clock", "case"), ("remindDaysBefore", new JsonArray("2")))
        .Activity("remind", "Log", ("message", "即将到期"))
        .Activity("approve", "ApprovalTask", ("title", "审批"), ("mode", "All"), ("assignees", new JsonArray("reviewer", "chief")))
        .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000000002"), ("validUntil", "2031-11-29"))
        .Activity("reject", "Reject", ("reasons", new JsonArray("经营场所不符合要求")))
        .Activity("verify", "CommitmentVerification")
        .Activity("stop", "StopClock")
        .Activity("restart", "StartClock", ("clock", "delivery"), ("committedLimitDays", 10))
        .Activity("archive", "Archive")
        .Activity("revoke", "Log", ("message", "撤销许可"))
        .Activity("terminate", "Terminate", ("reason", "终止办理"))
        .Activity("end", "End")
        .Connect("start", "route").Connect("route", "spot", "True").Connect("route", "receive", "False")
        .Connect("spot", "licence", "Approved").Connect("spot", "reject", "Rejected").Connect("spot", "notice", "CorrectionRequired")
        .Connect("receive", "commit", "Accepted").Connect("receive", "tolerate", "AcceptedWithDeficiency").Connect("receive", "notice", "CorrectionRequired").Connect("receive", "end", "Refused")
        .Connect("notice", "commit", "Accepted").Connect("notice", "end", "Withdrawn")
        .Connect("tolerate", "commit", "Proceed").Connect("tolerate", "terminate", "Terminated")
        .Connect("commit", "inspect").Connect("inspect", "hearing", "Passed").Connect("inspect", "reject", "Failed")
        .Connect("hearing", "pause", "Waived").Connect("hearing", "pause", "Held")
        .Connect("pause", "explain").Connect("explain", "resume").Connect("resume", "extend")
        .Connect("extend", "approve", "Extended").Connect("extend", "approve", "Refused")
        .Connect("approve", "licence", "Approve").Connect("approve", "reject", "Reject").Connect("approve", "inspect", "Return")
        .Connect("licence", "verify").Connect("reject", "archive")
        .Connect("verify", "stop", "Verified").Connect("verify", "revoke", "Failed").Connect("revoke", "stop")
        .Connect("stop", "restart").Connect("restart", "deadline").Connect("deadline", "remind", "Reminder").Connect("deadline", "archive", "Due")
        .Connect("archive", "end")
        .ToJson();

    [Fact]
    public void EveryActivityType_IsUsed_AndTheDefinitionValidates()
    {
        var harness = new RunnerHarness(Definition(), ActivitiesServiceCollectionExtensions.All, Monday);
        var used = harness.Definition.Root.Activities.Select(a => a.Type).ToHashSet();
        foreach (var activity in ActivitiesServiceCollectionExtensions.All)
        {
            Assert.Contains(activity.Descriptor.Type, used);
        }

        Assert.Empty(harness.Validator.Validate(harness.Definition));
    }

    [Fact]
    public async Task TheMainPath_RunsToTheEnd()
    {
        var harness = new RunnerHarness(Definition(), ActivitiesServiceCollectionExtensions.All, Monday);
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));

        await harness.CompleteAsync("inspect", "Passed", "reviewer");
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal && b.SignalName == "hearing-request"), new JsonObject { ["requested"] = false });
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.SignalName == "explanation"));
        foreach (var approver in new[] { "reviewer", "chief" })
        {
            var task = harness.OpenWorkItems.Single(w => w.Assignee == approver);
            await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Id == task.BookmarkId), new JsonObject { ["outcome"] = "Approve" }, approver);
        }

        await harness.CompleteAsync("verify", "Verified", "reviewer");
        while (harness.Bookmarks.SingleOrDefault(b => b.ActivityId == "deadline") is { } timer)
        {
            harness.Clock.SetUtcNow(timer.ResumeAt!.Value);
            await harness.ResumeAsync(timer);
        }

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var kinds = harness.Commits.SelectMany(c => c.Documents).Select(d => d.Kind).ToList();
        Assert.Equal(["AcceptanceReceipt", "InformedCommitmentLetter", "SpecialProcedureNotice", "HearingNotice", "ExtensionNotice", "ApprovalDecision", "CaseFileManifest"], kinds);
    }
}
