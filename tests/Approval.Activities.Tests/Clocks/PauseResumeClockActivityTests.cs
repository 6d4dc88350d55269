using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Scheduling;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Clocks;

/// <summary>PauseClock and ResumeClock around a hearing (听证, Art. 45): the due dates move by the working days the hearing took.</summary>
/// <remarks>
/// Received Monday 2025-09-22, committed 10, statutory 20. Working days after it, by hand from the 2025 notice: 09-23 1 …
/// 09-26 4, 09-28 (Sunday 调休) 5, 09-29 6, 09-30 7, [10-01..10-08 off], 10-09 8, 10-10 9, 10-11 (Saturday 调休) 10, 10-13 11,
/// 10-14 12, 10-15 13, 10-16 14, 10-17 15, 10-20 16, … 10-24 20, 10-27 21, … 10-31 25. Unpaused: due 10-11 and 10-24.
/// </remarks>
public sealed class PauseResumeClockActivityTests
{
    [Theory]
    [InlineData("2025-09-29 15:00", "2025-10-13 10:00", "2025-10-17", "2025-10-31", "2025-11-01")] // 09-30, 10-09, 10-10, 10-11, 10-13 paused
    [InlineData("2025-09-29 09:00", "2025-09-29 16:00", "2025-10-11", "2025-10-24", "2025-10-25")] // same day: nothing moves
    public async Task Hearing_ResumeAfterIt_CommittedDueDateMovesByTheWorkingDaysPaused(string hearingStarts, string hearingEnds, string committedDue, string statutoryDue, string criticalDay)
    {
        var harness = NewHarness();
        await harness.StartAsync();

        harness.Clock.SetUtcNow(At(hearingStarts));
        await harness.CompleteAsync("review", "Approve");
        harness.Clock.SetUtcNow(At(hearingEnds));
        var commit = await harness.CompleteAsync("hearing", "Approve");

        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Running, record.Status);
        Assert.Equal(Day(committedDue), record.CommittedDueDate);
        Assert.Equal(Day(statutoryDue), record.StatutoryDueDate);
        Assert.Equal(Midnight(criticalDay), record.CriticalAt);
        Assert.Single(commit.Outbox, m => m.Kind == OutboxKinds.ScheduleEscalations);
        var pause = Assert.Single(harness.Instance.State.Clocks[LegalClock.CaseClockName].Pauses);
        Assert.Equal(("hearing", "听证", At(hearingStarts), At(hearingEnds)), (pause.Key, pause.Reason, pause.PausedAt, pause.ResumedAt));
    }

    [Fact]
    public async Task Hearing_WhileItRuns_RowIsPausedWithNoEscalationInstants()
    {
        var harness = NewHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2025-09-29 15:00"));

        var commit = await harness.CompleteAsync("review", "Approve");

        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Paused, record.Status);
        Assert.Equal(Day("2025-10-11"), record.CommittedDueDate);
        Assert.Null(record.YellowAt);
        Assert.Null(record.RedAt);
        Assert.Null(record.CriticalAt);
        Assert.True(harness.Instance.State.Clocks[LegalClock.CaseClockName].IsPaused);
    }

    [Fact]
    public async Task Hearing_ResumedAfterTheOldDueDate_CaseIsNotOverdue()
    {
        var harness = NewHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2025-09-29 15:00"));
        await harness.CompleteAsync("review", "Approve");
        harness.Clock.SetUtcNow(At("2025-10-13 10:00"));
        await harness.CompleteAsync("hearing", "Approve");

        // 10-14: the unpaused due date (10-11) has passed, the moved one (10-17) has not; 3 working days left.
        var reading = ClockCalculator.Read(harness.Instance.State.Clocks[LegalClock.CaseClockName], BusinessCalendar.Shipped, At("2025-10-14 12:00"));
        Assert.Equal(WarningLevel.Normal, reading.Level);
        Assert.Equal(3, reading.WorkingDaysRemaining);
    }

    private static RunnerHarness NewHarness() => new(
        new FlowBuilder("hearing")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20))
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("pause", "PauseClock", ("reason", "听证"), ("key", "hearing"))
            .Activity("hearing", "HumanTask", ("title", "组织听证"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("resume", "ResumeClock", ("key", "hearing"), ("reason", "听证结束"))
            .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Chain("start", "clock", "review")
            .Connect("review", "pause", "Approve")
            .Connect("pause", "hearing")
            .Connect("hearing", "resume", "Approve")
            .Connect("resume", "decide")
            .Connect("decide", "end", "Approve")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2025-09-22 10:00"));
}
