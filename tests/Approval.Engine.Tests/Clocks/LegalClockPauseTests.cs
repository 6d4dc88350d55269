using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>Rule 5: a pause from t1 to t2 moves the due dates by the working days d with date(t1) &lt; d ≤ date(t2).</summary>
/// <remarks>
/// One case throughout: received Monday 2025-09-22, committed 10, statutory 20 working days. Working days after 09-22, by
/// hand from the 2025 notice (国庆中秋 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked): 09-23 1, 09-24 2, 09-25 3,
/// 09-26 4, 09-28 5, 09-29 6, 09-30 7, 10-09 8, 10-10 9, 10-11 10, 10-13 11, 10-14 12, 10-15 13, 10-16 14, 10-17 15, 10-20 16,
/// 10-21 17, 10-22 18, 10-23 19, 10-24 20, 10-27 21, 10-28 22, 10-29 23, 10-30 24, 10-31 25, 11-03 26, 11-04 27, 11-05 28.
/// Unpaused, the committed due date is 10-11 and the statutory one 10-24.
/// </remarks>
public sealed class LegalClockPauseTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void PauseAndResume_StraddlingNationalDay_DueDatesMoveByTheWorkingDaysPaused()
    {
        var clock = NewCase();
        Assert.Equal(Day("2025-10-11"), Read(clock, At("2025-09-29 14:00")).CommittedDueDate);

        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");
        clock.Resume("hearing", At("2025-10-13 10:00"), "officer", "hearing held");

        // (09-29, 10-13]: 09-30, 10-09, 10-10, 10-11 (Saturday 调休), 10-13 = 5 working days; 10-01..10-08 and 10-12 are off.
        var reading = Read(clock, At("2025-10-13 11:00"));
        Assert.Equal(5, reading.PausedWorkingDays);
        Assert.Equal(Day("2025-10-17"), reading.CommittedDueDate);
        Assert.Equal(Day("2025-10-31"), reading.StatutoryDueDate);
        Assert.False(reading.IsPaused);
        Assert.Equal(Midnight("2025-10-15"), reading.YellowFrom); // 2 working days (10-16, 10-17) left from 10-15
        Assert.Equal(Midnight("2025-10-18"), reading.RedFrom);
        Assert.Equal(Midnight("2025-11-01"), reading.CriticalFrom);
    }

    [Theory]
    [InlineData("2025-09-24 09:00", "2025-09-24 17:00", 0, "2025-10-11", "2025-10-24")] // same day: nothing moves
    [InlineData("2025-09-24 23:00", "2025-09-25 01:00", 1, "2025-10-13", "2025-10-27")] // over midnight: 09-25 counts
    [InlineData("2025-09-26 18:00", "2025-09-29 09:00", 2, "2025-10-14", "2025-10-28")] // weekend: Sunday 09-28 is worked, 09-27 is not
    [InlineData("2025-09-30 17:00", "2025-10-08 12:00", 0, "2025-10-11", "2025-10-24")] // only holidays paused: nothing moves
    [InlineData("2025-09-29 15:00", "2025-10-13 10:00", 5, "2025-10-17", "2025-10-31")]
    public void PauseAndResume_DueDatesMoveByExactlyTheWorkingDaysInThePause(string pausedAt, string resumedAt, int shift, string committedDue, string statutoryDue)
    {
        var clock = NewCase();
        clock.Pause("hearing", At(pausedAt), "officer", "听证");
        clock.Resume("hearing", At(resumedAt), "officer", null);

        var reading = Read(clock, At(resumedAt).AddHours(1));

        Assert.Equal(shift, reading.PausedWorkingDays);
        Assert.Equal(Day(committedDue), reading.CommittedDueDate);
        Assert.Equal(Day(statutoryDue), reading.StatutoryDueDate);
    }

    [Fact]
    public void PauseAndResume_SameDay_MovesNothing()
    {
        var clock = NewCase();
        var before = Read(clock, At("2025-09-24 08:00"));

        clock.Pause("site-visit", At("2025-09-24 09:00"), "officer", "现场核查");
        clock.Resume("site-visit", At("2025-09-24 17:30"), "officer", null);
        var after = Read(clock, At("2025-09-24 18:00"));

        Assert.Equal(0, after.PausedWorkingDays);
        Assert.Equal(before.CommittedDueDate, after.CommittedDueDate);
        Assert.Equal(before.StatutoryDueDate, after.StatutoryDueDate);
        Assert.Equal(Day("2025-10-11"), after.CommittedDueDate);
    }

    [Fact]
    public void Pause_TwoOverlappingKeys_SharedDaysCountOnce()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");
        clock.Pause("expert", At("2025-10-09 09:00"), "officer", "专家评审");
        Assert.Equal(1, clock.Resume("hearing", At("2025-10-13 10:00"), "officer", null));
        Assert.True(clock.IsPaused); // the expert review still runs
        Assert.Equal(1, clock.Resume("expert", At("2025-10-15 17:00"), "officer", null));

        // Union (09-29, 10-15]: 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15 = 7; the two pauses alone are 5 + 5.
        var reading = Read(clock, At("2025-10-16 09:00"));
        Assert.Equal(7, reading.PausedWorkingDays);
        Assert.Equal(Day("2025-10-21"), reading.CommittedDueDate);
        Assert.Equal(Day("2025-11-04"), reading.StatutoryDueDate);
    }

    [Fact]
    public void Pause_OneInsideAnother_AddsNothingMore()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");
        clock.Pause("testing", At("2025-10-09 09:00"), "officer", "检测");
        clock.Resume("testing", At("2025-10-10 17:00"), "officer", null);
        clock.Resume("hearing", At("2025-10-13 10:00"), "officer", null);

        var reading = Read(clock, At("2025-10-13 11:00"));

        Assert.Equal(5, reading.PausedWorkingDays);
        Assert.Equal(Day("2025-10-17"), reading.CommittedDueDate);
    }

    [Fact]
    public void Resume_WithoutKey_ClosesEveryOpenPause()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");
        clock.Pause("expert", At("2025-09-30 09:00"), "officer", "专家评审");

        Assert.Equal(2, clock.Resume(null, At("2025-10-13 10:00"), "officer", "both done"));
        Assert.False(clock.IsPaused);
        Assert.Equal(0, clock.Resume(null, At("2025-10-13 11:00"), "officer", null));
        Assert.Equal(5, Read(clock, At("2025-10-13 12:00")).PausedWorkingDays);
    }

    [Fact]
    public void Pause_SameKeyTwice_Refused()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");

        Assert.Throws<ClockRuleException>(() => clock.Pause("hearing", At("2025-09-30 09:00"), "officer", "听证"));
        Assert.Single(clock.Pauses);
    }

    [Theory]
    [InlineData("2025-10-10 12:00")]
    [InlineData("2025-10-12 12:00")] // a Sunday
    [InlineData("2025-10-20 12:00")] // past the unpaused committed due date (10-11)
    [InlineData("2025-11-03 12:00")] // past the unpaused statutory due date (10-24)
    public void Read_OpenPause_LevelAndRemainingFrozenAcrossDays(string now)
    {
        var clock = NewCase();

        // At 10-09 two working days (10-10, 10-11) are left: yellow (threshold for 10 is 2).
        var atPause = Read(clock, At("2025-10-09 08:00"));
        Assert.Equal(WarningLevel.Yellow, atPause.Level);
        Assert.Equal(2, atPause.WorkingDaysRemaining);
        Assert.Equal(8, atPause.WorkingDaysUsed);
        clock.Pause("hearing", At("2025-10-09 09:00"), "officer", "听证");

        var reading = Read(clock, At(now));

        Assert.True(reading.IsPaused);
        Assert.Equal(WarningLevel.Yellow, reading.Level);
        Assert.Equal(2, reading.WorkingDaysRemaining);
        Assert.Equal(8, reading.WorkingDaysUsed);
        Assert.Null(reading.YellowFrom);
        Assert.Null(reading.RedFrom);
        Assert.Null(reading.CriticalFrom);
    }

    [Fact]
    public void Read_OpenPause_DueDateKeepsMovingWithEachWorkingDay()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-10-09 09:00"), "officer", "听证");

        // (10-09, 10-20]: 10-10, 10-11, 10-13..10-17, 10-20 = 8 working days so far, so due = 10 + 8 = 18th working day.
        var reading = Read(clock, At("2025-10-20 12:00"));

        Assert.Equal(8, reading.PausedWorkingDays);
        Assert.Equal(Day("2025-10-22"), reading.CommittedDueDate);
    }

    [Fact]
    public void Read_AfterPause_WorkingDaysUsedExcludesPausedDays()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2025-09-29 15:00"), "officer", "听证");
        clock.Resume("hearing", At("2025-10-13 10:00"), "officer", null);

        // Run: 09-23, 09-24, 09-25, 09-26, 09-28, 09-29 (before), 10-14 (after) = 7; left: 10-15, 10-16, 10-17 = 3.
        var reading = Read(clock, At("2025-10-14 12:00"));

        Assert.Equal(7, reading.WorkingDaysUsed);
        Assert.Equal(3, reading.WorkingDaysRemaining);
        Assert.Equal(WarningLevel.Normal, reading.Level);
    }

    private static LegalClock NewCase() =>
        LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2025-09-22 10:00"), "clerk", Cal);

    private static ClockReading Read(LegalClock clock, DateTimeOffset now) => ClockCalculator.Read(clock, Cal, now);
}
