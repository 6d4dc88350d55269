using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Review;

/// <summary>特别程序 (Art. 45): the written notice of the time needed, the clock paused for the procedures the law names, the record kept.</summary>
/// <remarks>
/// Accepted on receipt Friday 2026-09-18 10:00 (committed 10, statutory 20). Working days after 09-18, by hand from the 2026
/// notice (09-20 Sunday worked; 中秋 09-25..27 off; 国庆 10-01..07 off; 10-10 Saturday worked): 09-20 1, 09-21 2, 09-22 3,
/// 09-23 4, 09-24 5, 09-28 6, 09-29 7, 09-30 8, 10-08 9, 10-09 10, 10-10 11, 10-12 12, 10-13 13, 10-14 14, 10-15 15, 10-16 16,
/// 10-19 17, 10-20 18, 10-21 19, 10-22 20, 10-23 21, 10-26 22, 10-27 23, 10-28 24, 10-29 25, 10-30 26, 11-02 27, 11-03 28,
/// 11-04 29. Unpaused: committed due 10-09, statutory 10-22.
/// The procedure starts Tuesday 09-22 10:00; its 5-day budget ends 09-30 (09-23, 09-24, 09-28, 09-29, 09-30). It ends Monday
/// 10-12 10:00: the paused working days are those after 09-22 up to 10-12: 09-23, 09-24, 09-28, 09-29, 09-30, 10-08, 10-09,
/// 10-10, 10-12 = 9, so committed due 10-09 → 10-21 and statutory 10-22 → 11-04.
/// </remarks>
public sealed class SpecialProcedureTests
{
    private const string Starts = "2026-09-22 10:00";
    private const string Ends = "2026-10-12 10:00";

    private static RunnerHarness Harness(string procedure, bool? pausesClock = null, JsonArray? outcomes = null, bool withPeople = true)
    {
        var inputs = new List<(string, JsonNode?)> { ("procedure", procedure), ("budgetDays", 5), ("reason", "涉及新型食品工艺，需组织专家论证") };
        if (pausesClock is { } pauses)
        {
            inputs.Add(("pausesClock", pauses));
        }

        if (outcomes is not null)
        {
            inputs.Add(("outcomes", outcomes));
        }

        if (withPeople)
        {
            inputs.Add(("candidateRoles", new JsonArray("Expert")));
        }

        var flow = new FlowBuilder("special-procedure")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("review", "HumanTask", ("title", "初审"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("special", "SpecialProcedure", [.. inputs])
            .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted")
            .Connect("review", "special", "Approve")
            .Connect("decide", "end", "Approve");
        foreach (var outcome in (outcomes ?? ["Passed", "Failed"]).Select(o => o!.GetValue<string>()))
        {
            flow.Activity($"after{outcome}", "Log", ("message", outcome))
                .Connect("special", $"after{outcome}", outcome)
                .Connect($"after{outcome}", "decide");
        }

        return new RunnerHarness(flow.ToJson(), ActivitiesServiceCollectionExtensions.All, At("2026-09-18 10:00"));
    }

    /// <summary>Accepted Friday, first review done Tuesday 09-22 10:00: the special procedure has started.</summary>
    private static async Task<(RunnerHarness Harness, WorkflowCommit Started)> StartedAsync(string procedure, bool? pausesClock = null, JsonArray? outcomes = null)
    {
        var harness = Harness(procedure, pausesClock, outcomes);
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(Starts));
        var started = await harness.CompleteAsync("review", "Approve");
        return (harness, started);
    }

    private static JsonObject Completion(string outcome, string opinion) => new() { ["outcome"] = outcome, ["comment"] = opinion };

    private static LegalClock CaseClock(RunnerHarness harness) => harness.Instance.State.Clocks[LegalClock.CaseClockName];

    [Fact]
    public async Task ExpertReview_NoticeSaysTheTimeIsNotCounted_ClockPauses()
    {
        var (harness, started) = await StartedAsync("ExpertReview");

        var notice = Assert.Single(started.Documents);
        Assert.Equal("SpecialProcedureNotice", notice.Kind);
        Assert.Equal("特别程序告知书", notice.Title);
        // A case may go through several special procedures, so the notice's number carries its place in the case.
        Assert.Matches(@"^东市监特〔2026〕GD4419-20261127-0001-\d+号$", notice.Number);
        Assert.Contains("依法需要进行专家评审", notice.Content);
        Assert.Contains("涉及新型食品工艺，需组织专家论证", notice.Content);
        Assert.Contains("专家评审预计需要5个工作日，预计于2026年9月30日前完成", notice.Content);
        Assert.Contains("专家评审所需时间不计算在行政许可办理期限内", notice.Content);
        Assert.Contains("东莞市某某餐饮有限公司", notice.Content);

        var clock = CaseClock(harness);
        Assert.True(clock.IsPaused);
        var pause = Assert.Single(clock.Pauses);
        Assert.Equal(("special:special", "特别程序：专家评审", At(Starts)), (pause.Key, pause.Reason, pause.PausedAt));
        var record = Assert.Single(started.Clocks);
        Assert.Equal(ClockStatus.Paused, record.Status);
        Assert.Equal(Day("2026-10-09"), record.CommittedDueDate);
        Assert.Equal(Day("2026-10-22"), record.StatutoryDueDate);
    }

    [Fact]
    public async Task ExpertReview_WorkItemHasTheBudgetAsItsLimit_DueAfterTheExpectedEndDate()
    {
        var (harness, _) = await StartedAsync("ExpertReview");

        var item = Assert.Single(harness.OpenWorkItems);
        Assert.Equal("special", item.ActivityId);
        Assert.Equal("特别程序：专家评审", item.Title);
        Assert.Equal(["Expert"], item.CandidateRoles);
        Assert.Equal("东莞市市场监督管理局", item.Department); // the guide's department when the definition names none
        Assert.Equal(["Passed", "Failed"], item.Outcomes);
        Assert.Equal(5, item.LimitWorkingDays);
        Assert.Equal(Midnight("2026-10-01"), item.DueAt);
    }

    [Fact]
    public async Task ExpertReview_DoneDaysLater_ClockResumes_DueDatesMoveByTheWorkingDaysPaused()
    {
        var (harness, _) = await StartedAsync("ExpertReview");
        harness.Clock.SetUtcNow(At(Ends));

        var done = await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Passed", "专家组一致认为工艺符合食品安全要求"), actor: "张专家");

        var clock = CaseClock(harness);
        Assert.False(clock.IsPaused);
        var pause = Assert.Single(clock.Pauses);
        Assert.Equal((At(Starts), At(Ends), "张专家"), (pause.PausedAt, pause.ResumedAt, pause.ResumedBy));
        var record = Assert.Single(done.Clocks);
        Assert.Equal(ClockStatus.Running, record.Status);
        Assert.Equal(Day("2026-10-21"), record.CommittedDueDate);
        Assert.Equal(Day("2026-11-04"), record.StatutoryDueDate);
        Assert.Equal(1, harness.Count(JournalEvents.Log, "afterPassed"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "afterFailed"));
        Assert.Equal("decide", Assert.Single(harness.OpenWorkItems).ActivityId);
    }

    [Fact]
    public async Task ExpertReview_Done_ProcedureRecordedWithKindStartEndOutcomeOpinionAndWho()
    {
        var (harness, _) = await StartedAsync("ExpertReview");
        harness.Clock.SetUtcNow(At(Ends));

        var done = await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Failed", "工艺存在交叉污染风险"), actor: "张专家");

        var record = Assert.Single(Assert.IsType<JsonArray>(harness.Instance.Variables["specialProcedures"]))!;
        Assert.Equal("special", record["activityId"]!.GetValue<string>());
        Assert.Equal("ExpertReview", record["kind"]!.GetValue<string>());
        Assert.Equal("专家评审", record["name"]!.GetValue<string>());
        Assert.Equal(At(Starts), Instant(record["startedAt"]!.GetValue<string>()));
        Assert.Equal(At(Ends), Instant(record["endedAt"]!.GetValue<string>()));
        Assert.True(record["pausedClock"]!.GetValue<bool>());
        Assert.Equal("Failed", record["outcome"]!.GetValue<string>());
        Assert.Equal("工艺存在交叉污染风险", record["opinion"]!.GetValue<string>());
        Assert.Equal("张专家", record["by"]!.GetValue<string>());
        Assert.Equal(1, harness.Count(JournalEvents.Log, "afterFailed"));
        var completion = Assert.Single(done.CompletedWorkItems);
        Assert.Equal(("Failed", "张专家", "工艺存在交叉污染风险"), (completion.Outcome, completion.CompletedBy, completion.Comment));
    }

    [Fact]
    public async Task SiteInspection_ByDefault_TimeCounted_ClockKeepsRunning_DueDatesStay()
    {
        var (harness, started) = await StartedAsync("SiteInspection");

        var notice = Assert.Single(started.Documents);
        Assert.Contains("现场核查所需时间计算在行政许可办理期限内", notice.Content);
        Assert.DoesNotContain("不计算在行政许可办理期限内", notice.Content);
        Assert.False(CaseClock(harness).IsPaused);
        Assert.Empty(started.Clocks);
        Assert.Equal(5, Assert.Single(harness.OpenWorkItems).LimitWorkingDays);

        harness.Clock.SetUtcNow(At(Ends));
        var done = await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Passed", "现场与申请材料一致"), actor: "刘核查");

        Assert.Empty(CaseClock(harness).Pauses);
        Assert.Empty(done.Clocks);
        var reading = ClockCalculator.Read(CaseClock(harness), BusinessCalendar.Shipped, At(Ends));
        Assert.Equal(Day("2026-10-09"), reading.CommittedDueDate);
        Assert.Equal(Day("2026-10-22"), reading.StatutoryDueDate);
        var record = Assert.Single(Assert.IsType<JsonArray>(harness.Instance.Variables["specialProcedures"]))!;
        Assert.Equal("SiteInspection", record["kind"]!.GetValue<string>());
        Assert.False(record["pausedClock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SiteInspection_MatterSaysItPauses_ClockPausesAndTheDueDatesMove()
    {
        var (harness, started) = await StartedAsync("SiteInspection", pausesClock: true);

        Assert.Contains("现场核查所需时间不计算在行政许可办理期限内", Assert.Single(started.Documents).Content);
        Assert.True(CaseClock(harness).IsPaused);
        Assert.Equal(ClockStatus.Paused, Assert.Single(started.Clocks).Status);

        harness.Clock.SetUtcNow(At(Ends));
        var done = await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Passed", "现场与申请材料一致"), actor: "刘核查");

        var record = Assert.Single(done.Clocks);
        Assert.Equal(ClockStatus.Running, record.Status);
        Assert.Equal(Day("2026-10-21"), record.CommittedDueDate);
        Assert.Equal(Day("2026-11-04"), record.StatutoryDueDate);
    }

    [Fact]
    public async Task CustomOutcomes_AreTheTasksChoices_AndRouteTheFlow()
    {
        var (harness, _) = await StartedAsync("Testing", outcomes: ["Qualified", "Unqualified", "Retest"]);
        Assert.Equal(["Qualified", "Unqualified", "Retest"], Assert.Single(harness.OpenWorkItems).Outcomes);
        harness.Clock.SetUtcNow(At("2026-09-29 15:00"));

        await harness.ResumeAsync(harness.BookmarkOf("special"), Completion("Unqualified", "菌落总数超标"), actor: "检测中心");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "afterUnqualified"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "afterQualified"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "afterRetest"));
        var record = Assert.Single(Assert.IsType<JsonArray>(harness.Instance.Variables["specialProcedures"]))!;
        Assert.Equal(("Testing", "检验检测", "Unqualified"), (record["kind"]!.GetValue<string>(), record["name"]!.GetValue<string>(), record["outcome"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Passed")] // the default outcomes are replaced, not added to
    [InlineData("qualified")]
    [InlineData("")]
    public async Task CustomOutcomes_AnOutcomeNotOffered_IsRefused_TaskAndPauseStay(string outcome)
    {
        var (harness, _) = await StartedAsync("Testing", outcomes: ["Qualified", "Unqualified"]);

        var error = await Assert.ThrowsAsync<InvalidStimulusException>(() => harness.ResumeAsync(harness.BookmarkOf("special"), Completion(outcome, "")));

        Assert.Contains("Qualified, Unqualified", error.Message);
        Assert.Equal("special", Assert.Single(harness.OpenWorkItems).ActivityId);
        Assert.True(CaseClock(harness).IsPaused);
        Assert.Null(harness.Instance.Variables["specialProcedures"]);
    }

    [Fact]
    public void Validation_UnknownProcedureKind_Rejected()
    {
        var harness = Harness("SiteVisit");

        var error = Assert.Single(harness.Validator.Validate(harness.Definition));

        Assert.Equal(("invalid-input", "special", "procedure"), (error.Code, error.ActivityId, error.Input));
        Assert.Contains("'SiteVisit'", error.Message);
        Assert.Contains("ExpertReview", error.Message);
    }

    [Fact]
    public void Validation_NobodyToCarryItOut_Rejected()
    {
        var harness = Harness("ExpertReview", withPeople: false);

        var error = Assert.Single(harness.Validator.Validate(harness.Definition));

        Assert.Equal(("missing-input", "special", "assignee"), (error.Code, error.ActivityId, error.Input));
    }

    [Fact]
    public void Validation_KnownKindWithCandidateRoles_Accepted()
    {
        foreach (var kind in new[] { "Hearing", "Testing", "Quarantine", "Appraisal", "ExpertReview", "SiteInspection", "TechnicalReview" })
        {
            var harness = Harness(kind);
            Assert.Empty(harness.Validator.Validate(harness.Definition));
        }
    }

    [Fact]
    public async Task ZeroBudget_FaultsAtTheProcedure_NothingIssuedNothingPaused()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("special-zero")
                .Activity("start", "Start")
                .Activity("receive", "AcceptOnReceipt")
                .Activity("special", "SpecialProcedure", ("procedure", "ExpertReview"), ("budgetDays", 0), ("assignee", "张专家"))
                .Activity("end", "End")
                .Connect("start", "receive")
                .Connect("receive", "special", "Accepted")
                .Connect("special", "end", "Passed")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));

        var commit = await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("special", harness.Instance.Incident!.ActivityId);
        Assert.Contains("'budgetDays' must be at least one working day", harness.Instance.Incident.Error);
        Assert.DoesNotContain(commit.Documents, d => d.Kind == "SpecialProcedureNotice");
        Assert.False(CaseClock(harness).IsPaused);
    }
}
