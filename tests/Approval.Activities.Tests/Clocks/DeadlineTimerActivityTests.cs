using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Clocks;

/// <summary>DeadlineTimer: fires at 00:00 Beijing time after a working-day due date, with reminders, following a clock that moves.</summary>
public sealed class DeadlineTimerActivityTests
{
    // Friday 2026-02-13, before the nine-day Spring Festival: 02-14 (Saturday 调休) 1, [02-15..02-23 off], 02-24 2, 02-25 3,
    // 02-26 4, 02-27 5. Due at the start of 02-28.
    [Theory]
    [InlineData("2026-02-13 10:00", null)]
    [InlineData("2026-02-11 10:00", "2026-02-13T10:00:00+08:00")]
    public async Task WorkingDays_FiveFromAFridayBeforeSpringFestival_DueAtMidnightAfterTheFifthWorkingDay(string startAt, string? from)
    {
        var harness = new RunnerHarness(FixedDeadline(from), ActivitiesServiceCollectionExtensions.All, At(startAt));

        var commit = await harness.StartAsync();

        var bookmark = harness.BookmarkOf("timer");
        Assert.Equal(BookmarkKinds.Timer, bookmark.Kind);
        Assert.Equal(Midnight("2026-02-28"), bookmark.ResumeAt);
        Assert.Contains(commit.Outbox, m => m.Kind == OutboxKinds.ScheduleTimer);

        harness.Clock.SetUtcNow(Midnight("2026-02-28"));
        await harness.ResumeAsync(bookmark);

        Assert.Equal(1, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Empty(harness.Bookmarks);
    }

    [Fact]
    public async Task WorkingDays_FiredEarly_WaitsAgainForTheSameInstant()
    {
        var harness = new RunnerHarness(FixedDeadline(null), ActivitiesServiceCollectionExtensions.All, At("2026-02-13 10:00"));
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2026-02-27 23:59"));

        await harness.ResumeAsync(harness.BookmarkOf("timer"));

        Assert.Equal(0, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(Midnight("2026-02-28"), harness.BookmarkOf("timer").ResumeAt);
        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
    }

    // Clock received Saturday 2025-09-27, accepted Sunday 09-28 (调休), committed 5: 09-29 1, 09-30 2, [10-01..10-08 off],
    // 10-09 3, 10-10 4, 10-11 (Saturday 调休) 5. Two working days before the due date 10-11 means from 10-09 (10-10 and 10-11
    // left); the deadline itself falls at the start of 10-12.
    [Fact]
    public async Task Clock_ReminderTwoDaysBefore_FirstBookmarkAtTheReminderInstant()
    {
        var harness = ClockHarness();

        await harness.StartAsync();

        Assert.Equal(Midnight("2025-10-09"), harness.BookmarkOf("timer").ResumeAt);
    }

    [Fact]
    public async Task Clock_ReminderFires_EmitsReminderAndKeepsWaitingForTheDueInstant()
    {
        var harness = ClockHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(Midnight("2025-10-09"));

        await harness.ResumeAsync(harness.BookmarkOf("timer"));

        Assert.Equal(1, harness.Count(JournalEvents.ActivityEmitted, "timer"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "remind"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(0, harness.Count(JournalEvents.ActivityCompleted, "timer"));
        Assert.Equal(Midnight("2025-10-12"), harness.BookmarkOf("timer").ResumeAt);

        harness.Clock.SetUtcNow(Midnight("2025-10-12"));
        await harness.ResumeAsync(harness.BookmarkOf("timer"));

        Assert.Equal(1, harness.Count(JournalEvents.Log, "remind"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "due"));
        Assert.DoesNotContain(harness.Bookmarks, b => b.ActivityId == "timer");
    }

    [Fact]
    public async Task Clock_PausedBeforeTheDueInstant_FiredTimerReArmsInsteadOfCompleting()
    {
        var harness = ClockHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(Midnight("2025-10-09"));
        await harness.ResumeAsync(harness.BookmarkOf("timer")); // the reminder

        // A hearing pauses the clock on Friday 10-10.
        harness.Clock.SetUtcNow(At("2025-10-10 10:00"));
        await harness.CompleteAsync("request", "Approve");

        // At the old due instant, (10-10, 10-12] holds one working day (10-11): due 10-13, so the timer waits for 10-14 00:00.
        harness.Clock.SetUtcNow(Midnight("2025-10-12"));
        await harness.ResumeAsync(harness.BookmarkOf("timer"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "remind"));
        Assert.Equal(Midnight("2025-10-14"), harness.BookmarkOf("timer").ResumeAt);

        // The hearing ends Monday 10-13 09:00: (10-10, 10-13] = 10-11, 10-13, so the due date is 10-14, over at 10-15 00:00.
        harness.Clock.SetUtcNow(At("2025-10-13 09:00"));
        await harness.CompleteAsync("hearing", "Approve");
        harness.Clock.SetUtcNow(Midnight("2025-10-14"));
        await harness.ResumeAsync(harness.BookmarkOf("timer"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(Midnight("2025-10-15"), harness.BookmarkOf("timer").ResumeAt);

        harness.Clock.SetUtcNow(Midnight("2025-10-15"));
        await harness.ResumeAsync(harness.BookmarkOf("timer"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "due"));
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
    }

    [Fact]
    public async Task Clock_PausedBeforeTheReminder_ReminderWaitsForTheMovedDate()
    {
        var harness = ClockHarness();
        await harness.StartAsync();

        // Paused Monday 09-29 09:00. At the old reminder instant, 10-09 00:00, the open pause already covers (09-29, 10-09]:
        // 09-30 and 10-09, two working days. The due date is 5 + 2 = 7 working days after 09-28 = 10-14, and two working days
        // before it (10-13, 10-14 left) begins on Saturday 10-11 (调休).
        harness.Clock.SetUtcNow(At("2025-09-29 09:00"));
        await harness.CompleteAsync("request", "Approve");
        harness.Clock.SetUtcNow(Midnight("2025-10-09"));
        await harness.ResumeAsync(harness.BookmarkOf("timer"));

        Assert.Equal(0, harness.Count(JournalEvents.Log, "remind"));
        Assert.Equal(Midnight("2025-10-11"), harness.BookmarkOf("timer").ResumeAt);
    }

    private static string FixedDeadline(string? from)
    {
        var flow = new FlowBuilder("five-days").Activity("start", "Start");
        flow = from is null
            ? flow.Activity("timer", "DeadlineTimer", ("workingDays", 5))
            : flow.Activity("timer", "DeadlineTimer", ("workingDays", 5), ("from", from));
        return flow
            .Activity("due", "Log", ("message", "five working days passed"))
            .Activity("end", "End")
            .Chain("start", "timer")
            .Connect("timer", "due", "Due")
            .Connect("due", "end")
            .ToJson();
    }

    private static RunnerHarness ClockHarness() => new(
        new FlowBuilder("deadline-clock")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 5), ("statutoryLimitDays", 20))
            .Activity("fork", "Fork")
            .Activity("timer", "DeadlineTimer", ("clock", "case"), ("remindDaysBefore", new JsonArray("2")))
            .Activity("remind", "Log", ("message", "two working days left"))
            .Activity("due", "Log", ("message", "committed due date passed"))
            .Activity("request", "HumanTask", ("title", "听证申请"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("pause", "PauseClock", ("reason", "听证"), ("key", "hearing"))
            .Activity("hearing", "HumanTask", ("title", "组织听证"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("resume", "ResumeClock", ("key", "hearing"))
            .Activity("end", "End")
            .Chain("start", "clock", "fork")
            .Connect("fork", "timer").Connect("fork", "request")
            .Connect("timer", "remind", "Reminder").Connect("timer", "due", "Due")
            .Connect("remind", "end").Connect("due", "end")
            .Connect("request", "pause", "Approve").Connect("pause", "hearing")
            .Connect("hearing", "resume", "Approve").Connect("resume", "end")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2025-09-27 10:00"));
}
