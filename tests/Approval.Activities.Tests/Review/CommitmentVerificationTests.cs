using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Review;

/// <summary>告知承诺核查 after the decision: a task due within the commitment's working days; a false commitment goes to revocation.</summary>
/// <remarks>
/// Accepted Friday 2026-09-18 with a commitment; licence granted Tuesday 09-22 10:00, when the verification task opens.
/// Working days after 09-22, by hand from the 2026 notice (中秋 09-25..27, 国庆 10-01..07 off, Saturday 10-10 worked):
/// 09-23 1, 09-24 2, 09-28 3, 09-29 4, 09-30 5, 10-08 6, 10-09 7, 10-10 8, 10-12 9, 10-13 10, 10-14 11, 10-15 12, 10-16 13,
/// 10-19 14, 10-20 15, 10-21 16, 10-22 17, 10-23 18, 10-26 19, 10-27 20.
/// </remarks>
public sealed class CommitmentVerificationTests
{
    private const string DecidedAt = "2026-09-22 10:00";

    private static JsonArray Proofs() =>
    [
        new JsonObject { ["name"] = "经营场所合法使用证明", ["obligation"] = "申请人提交房屋产权或租赁证明", ["content"] = "申请人对经营场所享有合法使用权" },
    ];

    private static RunnerHarness Harness(int? verificationDays = null)
    {
        (string, JsonNode?)[] commitment = verificationDays is { } days ? [("proofs", Proofs()), ("verificationDays", days)] : [("proofs", Proofs())];
        return new RunnerHarness(
            new FlowBuilder("commitment-verification")
                .Activity("start", "Start")
                .Activity("receive", "AcceptOnReceipt")
                .Activity("commit", "InformedCommitment", commitment)
                .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-09-21"))
                .Activity("verify", "CommitmentVerification", ("candidateRoles", new JsonArray("Verifier")), ("department", "东莞市市场监督管理局"))
                .Activity("revoke", "Log", ("message", "承诺不实，转撤销程序"))
                .Activity("end", "End")
                .Connect("start", "receive")
                .Connect("receive", "commit", "Accepted")
                .Connect("commit", "review")
                .Connect("review", "licence", "Approve")
                .Connect("licence", "verify")
                .Connect("verify", "end", "Verified")
                .Connect("verify", "revoke", "Failed")
                .Connect("revoke", "end")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));
    }

    /// <summary>Receipt and commitment on Friday, decision on Tuesday: the verification task is open.</summary>
    private static async Task<RunnerHarness> DecidedAsync(int? verificationDays = null)
    {
        var harness = Harness(verificationDays);
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(DecidedAt));
        await harness.CompleteAsync("review", "Approve", actor: "李科长");
        return harness;
    }

    private static JsonObject Completion(string outcome, string comment) =>
        new() { ["outcome"] = outcome, ["comment"] = comment, ["data"] = new JsonObject { ["checkedProofs"] = new JsonArray("经营场所合法使用证明") } };

    [Theory]
    [InlineData(null, 20, "2026-10-28")] // the default 20 working days: due 10-27, overdue from 00:00 on 10-28
    [InlineData(10, 10, "2026-10-14")] // 10 working days: due 10-13
    public async Task AfterTheDecision_TaskDueTheCommitmentsWorkingDays(int? verificationDays, int limit, string overdueFromMidnightOf)
    {
        var harness = await DecidedAsync(verificationDays);

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        var item = Assert.Single(harness.OpenWorkItems);
        Assert.Equal("verify", item.ActivityId);
        Assert.Equal("告知承诺核查", item.Title);
        Assert.Equal(["Verifier"], item.CandidateRoles);
        Assert.Equal("东莞市市场监督管理局", item.Department);
        Assert.Equal(["Verified", "Failed"], item.Outcomes);
        Assert.Equal(limit, item.LimitWorkingDays);
        Assert.Equal(Midnight(overdueFromMidnightOf), item.DueAt);
        Assert.Equal(At(DecidedAt), item.CreatedAt);
    }

    [Fact]
    public async Task Verified_CaseEndsWithoutRevocation_FindingKept()
    {
        var harness = await DecidedAsync();
        harness.Clock.SetUtcNow(At("2026-10-15 16:00"));

        var commit = await harness.ResumeAsync(harness.BookmarkOf("verify"), Completion("Verified", "经部门间数据核验，承诺属实"), actor: "赵核查");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Equal(0, harness.Count(JournalEvents.Log, "revoke"));
        var completion = Assert.Single(commit.CompletedWorkItems);
        Assert.Equal(("Verified", "赵核查", "经部门间数据核验，承诺属实"), (completion.Outcome, completion.CompletedBy, completion.Comment));
        var commitment = harness.Instance.Variables["commitment"]!;
        Assert.True(JsonNode.DeepEquals(Proofs(), commitment["proofs"]));
        var verification = commitment["verification"]!;
        Assert.Equal("Verified", verification["outcome"]!.GetValue<string>());
        Assert.Equal("赵核查", verification["by"]!.GetValue<string>());
        Assert.Equal("经部门间数据核验，承诺属实", verification["comment"]!.GetValue<string>());
        Assert.Equal(At("2026-10-15 16:00"), DateTimeOffset.Parse(verification["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Failed_RevocationRuns_FindingKept()
    {
        var harness = await DecidedAsync();
        harness.Clock.SetUtcNow(At("2026-10-09 11:00"));

        await harness.ResumeAsync(harness.BookmarkOf("verify"), Completion("Failed", "现场核查发现经营场所为临时搭建，与承诺不符"), actor: "赵核查");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "revoke"));
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var verification = harness.Instance.Variables["commitment"]!["verification"]!;
        Assert.Equal("Failed", verification["outcome"]!.GetValue<string>());
        Assert.Equal("现场核查发现经营场所为临时搭建，与承诺不符", verification["comment"]!.GetValue<string>());
        Assert.Equal("赵核查", verification["by"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("verified")]
    [InlineData("")]
    public async Task OutcomeItDoesNotOffer_Refused_TaskStaysOpen(string outcome)
    {
        var harness = await DecidedAsync();

        var error = await Assert.ThrowsAsync<InvalidStimulusException>(() => harness.ResumeAsync(harness.BookmarkOf("verify"), Completion(outcome, "随便"), actor: "赵核查"));

        Assert.Contains("Verified or Failed", error.Message);
        Assert.Equal("verify", Assert.Single(harness.OpenWorkItems).ActivityId);
        Assert.Equal(harness.OpenWorkItems[0].BookmarkId, harness.BookmarkOf("verify").Id);
        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Null(harness.Instance.Variables["commitment"]!["verification"]);

        // The same task still takes a proper answer.
        await harness.ResumeAsync(harness.BookmarkOf("verify"), Completion("Verified", "承诺属实"), actor: "赵核查");
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
    }

    [Fact]
    public async Task NoInformedCommitmentEarlier_FaultsAtTheVerification()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("verification-alone")
                .Activity("start", "Start")
                .Activity("receive", "AcceptOnReceipt")
                .Activity("verify", "CommitmentVerification")
                .Activity("end", "End")
                .Connect("start", "receive")
                .Connect("receive", "verify", "Accepted")
                .Connect("verify", "end", "Verified")
                .Connect("verify", "end", "Failed")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));

        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("verify", harness.Instance.Incident!.ActivityId);
        Assert.Contains("There is no commitment to verify", harness.Instance.Incident.Error);
        Assert.Empty(harness.WorkItems);
    }
}
