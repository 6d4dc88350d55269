using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Results;

/// <summary>Every document a whole case issues goes out complete (sealed, numbered, addressed), and a case whose receipt cannot be issued stops there.</summary>
/// <remarks>
/// One case through every document-issuing activity, with the sample guide, applicant, office and handler: receipt,
/// commitment letter and expert review on Friday 2026-09-18 10:00; the review ends Tuesday 09-22; the hearing is requested
/// 09-23, scheduled the same afternoon and held Monday 10-12; the extension is approved then; decided Wednesday 10-14;
/// verified 10-20; archived. Committed due date, by hand: 10 working days after 09-18 = 10-09, plus the expert review's
/// 3 (09-20 Sunday worked, 09-21, 09-22) and the hearing's 8 (09-24, 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12) = 10-23,
/// not yet passed on 10-12, so the extension is granted: 10 more = 11-06 (10-26 … 10-30, 11-02 … 11-06).
/// An activity refuses to issue a document whose model lacks a required field (DocumentFields.Missing) by faulting, so a
/// case that runs to the end without a fault issued every one of them complete.
/// </remarks>
public sealed class CaseDocumentTests
{
    private static RunnerHarness WholeCase() => new(
        new FlowBuilder("whole-case")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("commit", "InformedCommitment", ("proofs", new JsonArray(new JsonObject { ["name"] = "经营场所合法使用证明", ["obligation"] = "申请人提交房屋产权或租赁证明", ["content"] = "申请人对经营场所享有合法使用权" })))
            .Activity("special", "SpecialProcedure", ("procedure", "ExpertReview"), ("budgetDays", 5), ("candidateRoles", new JsonArray("Expert")))
            .Activity("hearing", "Hearing", ("candidateRoles", new JsonArray("HearingOfficer")))
            .Activity("extend", "ExtendDeadline", ("approvedBy", "王局长"), ("reason", "听证后需补充论证"))
            .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-10-13"))
            .Activity("verify", "CommitmentVerification", ("candidateRoles", new JsonArray("Verifier")))
            .Activity("reject", "Reject", ("reasons", new JsonArray("听证查明经营场所与住宅未有效隔离")))
            .Activity("archive", "Archive")
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "commit", "Accepted")
            .Connect("commit", "special")
            .Connect("special", "hearing", "Passed")
            .Connect("hearing", "extend", "Held")
            .Connect("extend", "decide", "Extended")
            .Connect("decide", "licence", "Approve")
            .Connect("decide", "reject", "Reject")
            .Connect("licence", "verify")
            .Connect("verify", "archive", "Verified")
            .Connect("reject", "archive")
            .Connect("archive", "end")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2026-09-18 10:00"));

    private static JsonObject Completion(string outcome, JsonObject? data = null) => new() { ["outcome"] = outcome, ["comment"] = "同意", ["data"] = data };

    [Theory]
    [InlineData("Approve", new[] { "AcceptanceReceipt", "InformedCommitmentLetter", "SpecialProcedureNotice", "HearingNotice", "HearingNotice", "ExtensionNotice", "ApprovalDecision", "CaseFileManifest" })]
    [InlineData("Reject", new[] { "AcceptanceReceipt", "InformedCommitmentLetter", "SpecialProcedureNotice", "HearingNotice", "HearingNotice", "ExtensionNotice", "RejectionDecision", "CaseFileManifest" })]
    public async Task WholeCase_EveryDocumentIssuedComplete_NoFault(string decision, string[] kinds)
    {
        var harness = WholeCase();
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At("2026-09-22 10:00"));
        await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Passed"), actor: "张专家");
        harness.Clock.SetUtcNow(At("2026-09-23 10:00"));
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.SignalName == "hearing-request"), new JsonObject { ["requested"] = true }, actor: "申请人");
        harness.Clock.SetUtcNow(At("2026-09-23 15:00"));
        await harness.ResumeAsync(harness.BookmarkOf("hearing"), Completion("Scheduled", new JsonObject { ["hearingAt"] = "2026-10-12T09:30:00+08:00", ["place"] = "三楼听证室" }), actor: "陈科长");
        harness.Clock.SetUtcNow(At("2026-10-12 12:00"));
        await harness.ResumeAsync(harness.BookmarkOf("hearing"), Completion("Held", new JsonObject { ["record"] = "听证笔录" }), actor: "陈主持");
        harness.Clock.SetUtcNow(At("2026-10-14 10:00"));
        await harness.CompleteAsync("decide", decision, actor: "李科长");
        if (decision == "Approve")
        {
            harness.Clock.SetUtcNow(At("2026-10-20 10:00"));
            await harness.ResumeAsync(harness.BookmarkOf("verify"), Completion("Verified"), actor: "赵核查");
        }

        Assert.All(harness.Commits, c => Assert.NotEqual(WorkflowStatus.Faulted, c.Instance.Status));
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var documents = harness.Commits.SelectMany(c => c.Documents).ToList();
        Assert.Equal(kinds, documents.Select(d => d.Kind));
        Assert.Equal(Day("2026-11-06"), harness.Commits.SelectMany(c => c.Clocks).Single(r => r.Status == ClockStatus.Stopped).CommittedDueDate);
        foreach (var document in documents.Where(d => d.Kind != "CaseFileManifest"))
        {
            Assert.Contains("东莞市市场监督管理局行政审批专用章", document.Content);
            Assert.Contains("东莞市某某餐饮有限公司", document.Content);
            Assert.Contains("食品经营许可（新办）", document.Content);
            Assert.Contains(document.Number!, document.Content);
            Assert.Contains("GD4419-20261127-0001", document.Number);
        }
    }

    [Theory]
    [InlineData("phone-only")]
    [InlineData("blank-name")]
    [InlineData("none")]
    public async Task HandlerWithoutAName_FaultsAtTheReceipt_NamingHandlerName_NothingIssued(string handler)
    {
        var harness = WholeCase();
        var input = CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04"));
        switch (handler)
        {
            case "phone-only":
                input["handler"] = new JsonObject { ["phone"] = "0769-22111111" };
                break;
            case "blank-name":
                input["handler"] = new JsonObject { ["name"] = " ", ["phone"] = "0769-22111111" };
                break;
            default:
                input.Remove("handler");
                break;
        }

        var commit = await harness.StartAsync(input);

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("receive", harness.Instance.Incident!.ActivityId);
        Assert.Equal("The AcceptanceReceipt cannot be issued without: handler.name.", harness.Instance.Incident.Error);
        Assert.Empty(commit.Documents);
        Assert.Empty(harness.WorkItems);
        Assert.Null(harness.Instance.Variables["acceptance"]);
    }

    [Fact]
    public async Task ReceiptCannotBeIssued_CaseClockNotStarted()
    {
        var harness = WholeCase();
        var input = CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04"));
        input["handler"] = new JsonObject { ["phone"] = "0769-22111111" };

        var commit = await harness.StartAsync(input);

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Empty(harness.Instance.State.Clocks);
        Assert.Empty(commit.Clocks);
    }

    [Fact]
    public async Task ReceivedAtWithoutOffset_IsBeijingTime()
    {
        var harness = WholeCase();
        var application = CaseSamples.Application("M01", "M02", "M03", "M04");
        application["receivedAt"] = "2026-09-18 17:30";

        var commit = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), application));

        Assert.Contains("于2026年9月18日17时30分提交", commit.Documents[0].Content);
        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.Equal(Day("2026-09-18"), clock.AcceptedOn);
    }
}
