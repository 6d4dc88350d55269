using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Review;

/// <summary>听证 (Art. 46–48): the right to request one within 5 working days, scheduling with 7 days' notice, the record, the paused clock.</summary>
/// <remarks>
/// Accepted on receipt Friday 2026-09-18 10:00 (committed 10 → due 10-09, statutory 20 → due 10-22; see
/// <see cref="SpecialProcedureTests"/> for the count). The first review ends Monday 09-21 10:00 and the hearing notice goes
/// out: 5 working days after 09-21 are 09-22, 09-23, 09-24, 09-28, 09-29 (中秋 09-25..27 off), so the request deadline is
/// 09-29 and the window closes at 00:00 on 09-30. The applicant asks on Wednesday 09-23 10:00; the hearing is held
/// Monday 10-12. Paused working days after 09-23 up to 10-12: 09-24, 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (Saturday
/// worked), 10-12 = 8, so committed due 10-09 → 10-20 (10-10, 10-12, 10-13, 10-14, 10-15, 10-16, 10-19, 10-20) and statutory
/// due 10-22 → 11-03 (10-23, 10-26, 10-27, 10-28, 10-29, 10-30, 11-02, 11-03).
/// </remarks>
public sealed class HearingTests
{
    private const string NotifiedAt = "2026-09-21 10:00";
    private const string RequestedAt = "2026-09-23 10:00";
    private const string SchedulingAt = "2026-09-23 15:00";
    private const string HeldAt = "2026-10-12 12:00";

    private static RunnerHarness Harness() => new(
        new FlowBuilder("hearing")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("review", "HumanTask", ("title", "初审"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("hearing", "Hearing", ("candidateRoles", new JsonArray("HearingOfficer")))
            .Activity("waived", "Log", ("message", "放弃听证"))
            .Activity("held", "Log", ("message", "听证已举行"))
            .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted")
            .Connect("review", "hearing", "Approve")
            .Connect("hearing", "waived", "Waived")
            .Connect("hearing", "held", "Held")
            .Connect("waived", "decide")
            .Connect("held", "decide")
            .Connect("decide", "end", "Approve")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2026-09-18 10:00"));

    private static async Task<RunnerHarness> NotifiedAsync()
    {
        var harness = Harness();
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(NotifiedAt));
        await harness.CompleteAsync("review", "Approve");
        return harness;
    }

    private static async Task<RunnerHarness> RequestedAsync()
    {
        var harness = await NotifiedAsync();
        harness.Clock.SetUtcNow(At(RequestedAt));
        await harness.ResumeAsync(Signal(harness), new JsonObject { ["requested"] = true }, actor: "申请人");
        harness.Clock.SetUtcNow(At(SchedulingAt));
        return harness;
    }

    private static async Task<RunnerHarness> ScheduledAsync()
    {
        var harness = await RequestedAsync();
        await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30:00+08:00"), actor: "陈科长");
        harness.Clock.SetUtcNow(At(HeldAt));
        return harness;
    }

    private static Bookmark Signal(RunnerHarness harness) => harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal && b.SignalName == "hearing-request");

    private static Bookmark Timer(RunnerHarness harness) => harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Timer);

    private static JsonObject Schedule(string? hearingAt, string? place = "东莞市市场监督管理局三楼听证室") => new()
    {
        ["outcome"] = "Scheduled",
        ["data"] = new JsonObject { ["hearingAt"] = hearingAt, ["place"] = place, ["host"] = "陈主持" },
    };

    private static LegalClock CaseClock(RunnerHarness harness) => harness.Instance.State.Clocks[LegalClock.CaseClockName];

    private static JsonNode Hearing(RunnerHarness harness) => harness.Instance.Variables["hearing"]!;

    [Fact]
    public async Task Notice_TellsTheRightAndTheRequestDeadline_WaitsForRequestOrWindow()
    {
        var harness = Harness();
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(NotifiedAt));

        var commit = await harness.CompleteAsync("review", "Approve");

        var notice = Assert.Single(commit.Documents);
        Assert.Equal(("HearingNotice", "听证告知书"), (notice.Kind, notice.Title));
        Assert.Contains("享有要求听证的权利", notice.Content);
        Assert.Contains("即2026年9月29日前（含当日）", notice.Content);
        Assert.DoesNotContain("听证安排", notice.Content);
        Assert.Equal(Midnight("2026-09-30"), Timer(harness).ResumeAt);
        Assert.NotNull(Signal(harness));
        Assert.Empty(harness.OpenWorkItems);
        Assert.Equal("2026-09-29", Hearing(harness)["requestDeadline"]!.GetValue<string>());
        Assert.False(CaseClock(harness).IsPaused);
    }

    [Fact]
    public async Task NoRequestWithinTheWindow_Waived_ClockNeverPaused()
    {
        var harness = await NotifiedAsync();
        var timer = Timer(harness);
        harness.Clock.SetUtcNow(At("2026-09-30 00:05"));

        var commit = await harness.ResumeAsync(timer, actor: "system:timer");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "waived"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "held"));
        Assert.DoesNotContain(harness.Bookmarks, b => b.ActivityId == "hearing");
        Assert.Equal("Waived", Hearing(harness)["step"]!.GetValue<string>());
        Assert.False(Hearing(harness)["requested"]!.GetValue<bool>());
        Assert.Empty(CaseClock(harness).Pauses);
        Assert.Empty(commit.Clocks);
        Assert.Empty(commit.Documents);
        Assert.Equal("decide", Assert.Single(harness.OpenWorkItems).ActivityId);
    }

    [Fact]
    public async Task ApplicantAnswersNo_Waived_TimerCancelled_ClockNeverPaused()
    {
        var harness = await NotifiedAsync();
        harness.Clock.SetUtcNow(At(RequestedAt));

        await harness.ResumeAsync(Signal(harness), new JsonObject { ["requested"] = false }, actor: "申请人");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "waived"));
        Assert.DoesNotContain(harness.Bookmarks, b => b.Kind == BookmarkKinds.Timer);
        Assert.Equal("Waived", Hearing(harness)["step"]!.GetValue<string>());
        Assert.Empty(CaseClock(harness).Pauses);
    }

    [Fact]
    public async Task Requested_ClockPauses_SchedulingTaskOpens_WindowTimerCancelled()
    {
        var harness = await NotifiedAsync();
        harness.Clock.SetUtcNow(At(RequestedAt));

        var commit = await harness.ResumeAsync(Signal(harness), new JsonObject { ["requested"] = true }, actor: "申请人");

        var pause = Assert.Single(CaseClock(harness).Pauses);
        Assert.Equal(("hearing:hearing", "听证", At(RequestedAt), null), (pause.Key, pause.Reason, pause.PausedAt, pause.ResumedAt));
        Assert.Equal(ClockStatus.Paused, Assert.Single(commit.Clocks).Status);
        var item = Assert.Single(harness.OpenWorkItems);
        Assert.Equal(("hearing", "安排听证"), (item.ActivityId, item.Title));
        Assert.Equal(["Scheduled"], item.Outcomes);
        Assert.Equal(["HearingOfficer"], item.CandidateRoles);
        Assert.DoesNotContain(harness.Bookmarks, b => b.Kind is BookmarkKinds.Timer or BookmarkKinds.Signal);
        Assert.Equal("Scheduling", Hearing(harness)["step"]!.GetValue<string>());
        Assert.True(Hearing(harness)["requested"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2026-09-29T15:00:00+08:00")] // six days ahead
    [InlineData("2026-09-30T14:59:00+08:00")] // a minute short of seven days
    [InlineData("2026-09-22T10:00:00+08:00")] // in the past
    [InlineData("下周一上午")]
    [InlineData(null)]
    public async Task Scheduling_LessThanSevenDaysAheadOrNoInstant_Refused_TaskStaysOpen(string? hearingAt)
    {
        var harness = await RequestedAsync();

        var error = await Assert.ThrowsAsync<InvalidStimulusException>(() => harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule(hearingAt), actor: "陈科长"));

        Assert.Contains("at least 7 days", error.Message);
        Assert.Equal("安排听证", Assert.Single(harness.OpenWorkItems).Title);
        Assert.Equal("Scheduling", Hearing(harness)["step"]!.GetValue<string>());
        Assert.True(CaseClock(harness).IsPaused);
    }

    [Theory]
    [InlineData("2026-09-30T15:00:00+08:00")] // exactly seven days ahead
    [InlineData("2026-09-30T07:00:00Z")] // the same instant written in UTC
    public async Task Scheduling_ExactlySevenDaysAhead_Accepted(string hearingAt)
    {
        var harness = await RequestedAsync();

        var commit = await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule(hearingAt), actor: "陈科长");

        var notice = Assert.Single(commit.Documents);
        Assert.Contains("2026年9月30日", notice.Content);
        Assert.Contains("15:00", notice.Content);
    }

    [Fact]
    public async Task Scheduling_WithoutAPlace_Refused_TaskStaysOpen()
    {
        var harness = await RequestedAsync();

        var error = await Assert.ThrowsAsync<InvalidStimulusException>(() => harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30:00+08:00", place: null), actor: "陈科长"));

        Assert.Contains("'data.place'", error.Message);
        Assert.Equal("安排听证", Assert.Single(harness.OpenWorkItems).Title);
    }

    [Fact]
    public async Task Scheduling_SevenDaysOrMoreAhead_NoticeWithDateTimeAndPlace_HoldingTaskOpens()
    {
        var harness = await RequestedAsync();

        var commit = await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30:00+08:00"), actor: "陈科长");

        var notice = Assert.Single(commit.Documents);
        Assert.Equal("HearingNotice", notice.Kind);
        Assert.Contains("听证安排", notice.Content);
        Assert.Contains("2026年10月12日", notice.Content);
        Assert.Contains("09:30", notice.Content);
        Assert.Contains("东莞市市场监督管理局三楼听证室", notice.Content);
        Assert.Contains("陈主持", notice.Content);
        Assert.Contains("即2026年9月29日前（含当日）", notice.Content);
        var completion = Assert.Single(commit.CompletedWorkItems);
        Assert.Equal(("Scheduled", "陈科长"), (completion.Outcome, completion.CompletedBy));
        var item = Assert.Single(harness.OpenWorkItems);
        Assert.Equal("举行听证并制作笔录", item.Title);
        Assert.Equal(["Held"], item.Outcomes);
        Assert.Equal("Scheduled", Hearing(harness)["step"]!.GetValue<string>());
        Assert.Equal(At("2026-10-12 09:30"), Instant(Hearing(harness)["hearingAt"]!.GetValue<string>()));
        Assert.Equal("东莞市市场监督管理局三楼听证室", Hearing(harness)["place"]!.GetValue<string>());
        Assert.True(CaseClock(harness).IsPaused);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Holding_WithoutTheRecord_Refused_TaskStaysOpen_ClockStillPaused(bool blankRecord)
    {
        var harness = await ScheduledAsync();
        var data = blankRecord ? new JsonObject { ["record"] = null } : new JsonObject();

        var error = await Assert.ThrowsAsync<InvalidStimulusException>(() =>
            harness.ResumeAsync(harness.BookmarkOf("hearing"), new JsonObject { ["outcome"] = "Held", ["comment"] = "维持原审查意见", ["data"] = data }, actor: "陈主持"));

        Assert.Contains("'data.record'", error.Message);
        Assert.Equal("举行听证并制作笔录", Assert.Single(harness.OpenWorkItems).Title);
        Assert.True(CaseClock(harness).IsPaused);
    }

    [Fact]
    public async Task Holding_WithTheRecord_Held_ClockResumes_DueDatesMoveByThePausedWorkingDays_HearingKept()
    {
        var harness = await ScheduledAsync();

        var commit = await harness.ResumeAsync(
            harness.BookmarkOf("hearing"),
            new JsonObject { ["outcome"] = "Held", ["comment"] = "申请人陈述的理由成立，建议准予许可", ["data"] = new JsonObject { ["record"] = "听证笔录：申请人陈述……利害关系人质证……" } },
            actor: "陈主持");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "held"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "waived"));
        var clock = CaseClock(harness);
        Assert.False(clock.IsPaused);
        var pause = Assert.Single(clock.Pauses);
        Assert.Equal((At(RequestedAt), At(HeldAt)), (pause.PausedAt, pause.ResumedAt));
        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Running, record.Status);
        Assert.Equal(Day("2026-10-20"), record.CommittedDueDate);
        Assert.Equal(Day("2026-11-03"), record.StatutoryDueDate);

        var hearing = Hearing(harness);
        Assert.Equal("Held", hearing["step"]!.GetValue<string>());
        Assert.Equal("听证笔录：申请人陈述……利害关系人质证……", hearing["record"]!.GetValue<string>());
        Assert.Equal("申请人陈述的理由成立，建议准予许可", hearing["conclusion"]!.GetValue<string>());
        Assert.Equal("陈主持", hearing["heldBy"]!.GetValue<string>());
        Assert.Equal("decide", Assert.Single(harness.OpenWorkItems).ActivityId);
    }

    [Fact]
    public async Task Scheduling_TimeWithoutOffset_IsBeijingTime()
    {
        var harness = await RequestedAsync();

        var commit = await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30"), actor: "陈科长");

        var notice = Assert.Single(commit.Documents);
        Assert.Contains("09:30", notice.Content);
        Assert.Equal(At("2026-10-12 09:30"), Instant(Hearing(harness)["hearingAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TwoHearingNotices_HaveDifferentDocumentNumbers()
    {
        var harness = await RequestedAsync();

        await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30:00+08:00"), actor: "陈科长");

        var notices = harness.Commits.SelectMany(c => c.Documents).Where(d => d.Kind == "HearingNotice").ToList();
        Assert.Equal(2, notices.Count);
        Assert.NotEqual(notices[0].Number, notices[1].Number);
    }

    /// <summary>
    /// A hearing requested while a special procedure (testing) already pauses the clock, in parallel branches: testing from
    /// Tuesday 09-22 10:00 to Monday 09-28 10:00, hearing requested Wednesday 09-23 10:00 and held Monday 10-12 12:00. The
    /// clock must stay paused from 09-22 until the hearing ends: working days after 09-22 up to 10-12 are 09-23, 09-24,
    /// 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 = 9, so committed due 10-09 → 10-21.
    /// </summary>
    [Fact]
    public async Task HearingDuringAnotherPause_ClockStaysPausedUntilTheHearingEnds()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("hearing-parallel")
                .Activity("start", "Start")
                .Activity("receive", "AcceptOnReceipt")
                .Activity("review", "HumanTask", ("title", "初审"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("fork", "Fork")
                .Activity("testing", "SpecialProcedure", ("procedure", "Testing"), ("budgetDays", 5), ("candidateRoles", new JsonArray("Lab")))
                .Activity("hearing", "Hearing", ("candidateRoles", new JsonArray("HearingOfficer")))
                .Activity("join", "Join")
                .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("end", "End")
                .Connect("start", "receive")
                .Connect("receive", "review", "Accepted")
                .Connect("review", "fork", "Approve")
                .Connect("fork", "testing")
                .Connect("fork", "hearing")
                .Connect("testing", "join", "Passed")
                .Connect("hearing", "join", "Held")
                .Connect("hearing", "join", "Waived")
                .Connect("join", "decide")
                .Connect("decide", "end", "Approve")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2026-09-18 10:00"));
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At("2026-09-22 10:00"));
        await harness.CompleteAsync("review", "Approve");
        harness.Clock.SetUtcNow(At(RequestedAt));
        await harness.ResumeAsync(Signal(harness), new JsonObject { ["requested"] = true }, actor: "申请人");
        harness.Clock.SetUtcNow(At("2026-09-28 10:00"));
        await harness.ResumeAsync(harness.BookmarkOf("testing"), new JsonObject { ["outcome"] = "Passed", ["comment"] = "检测合格" }, actor: "检测中心");

        Assert.True(CaseClock(harness).IsPaused, "the hearing is still going on, so the clock must stay paused");

        await harness.ResumeAsync(harness.BookmarkOf("hearing"), Schedule("2026-10-12T09:30:00+08:00"), actor: "陈科长");
        harness.Clock.SetUtcNow(At(HeldAt));
        await harness.ResumeAsync(harness.BookmarkOf("hearing"), new JsonObject { ["outcome"] = "Held", ["comment"] = "维持", ["data"] = new JsonObject { ["record"] = "听证笔录" } }, actor: "陈主持");

        var reading = ClockCalculator.Read(CaseClock(harness), BusinessCalendar.Shipped, At(HeldAt));
        Assert.Equal(Day("2026-10-21"), reading.CommittedDueDate);
    }
}
