using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>
/// Rule 7: yellow when committed working days remaining ≤ max(1, ⌈20% of the committed limit⌉); red from the day after the
/// committed due date; critical from the day after the statutory due date (days begin at 00:00 Beijing time).
/// </summary>
/// <remarks>
/// Working days after Wednesday 2024-09-25, by hand from the 2024 notice: 09-26 1, 09-27 2, 09-29 (Sunday 调休) 3, 09-30 4,
/// [10-01..10-07 off], 10-08 5, 10-09 6, 10-10 7, 10-11 8, 10-12 (Saturday 调休) 9, 10-14 10, 10-15 11, 10-16 12, 10-17 13,
/// 10-18 14, 10-21 15, 10-22 16, 10-23 17, 10-24 18, 10-25 19, 10-28 20, 10-29 21, … 11-22 39, 11-25 40.
/// </remarks>
public sealed class ClockWarningLevelTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 3)]
    [InlineData(15, 3)]
    [InlineData(20, 4)]
    [InlineData(21, 5)]
    [InlineData(45, 9)]
    public void YellowThreshold_IsTwentyPercentRoundedUp_AtLeastOne(int committed, int threshold) =>
        Assert.Equal(threshold, ClockCalculator.YellowThreshold(committed));

    /// <summary>Each row: receipt, limits, then the first day of yellow, red and critical, all worked out by hand.</summary>
    /// <remarks>
    /// 1/3: received Saturday 09-28, accepted Sunday 09-29 (调休); committed due 09-30 so yellow from 09-29 and red from
    /// 10-01 (a holiday: overdue all the same); statutory due 10-09 (09-30, 10-08, 10-09).
    /// 3/5: committed due 09-29; one working day (09-29) left from Friday 09-27; statutory due 10-08.
    /// 5/10: committed due 10-08; one day left from 09-30, so yellow spans the whole holiday; statutory due 10-14.
    /// 10/20: committed due 10-14; two days (10-12, 10-14) left from Friday 10-11; statutory due 10-28.
    /// 20/40: committed due 10-28; four days (10-23, 10-24, 10-25, 10-28) left from 10-22; statutory due 11-25.
    /// </remarks>
    [Theory]
    [InlineData("2024-09-28 10:00", 1, 3, "2024-09-29", "2024-10-01", "2024-10-10")]
    [InlineData("2024-09-25 09:00", 3, 5, "2024-09-27", "2024-09-30", "2024-10-09")]
    [InlineData("2024-09-25 09:00", 5, 10, "2024-09-30", "2024-10-09", "2024-10-15")]
    [InlineData("2024-09-25 09:00", 10, 20, "2024-10-11", "2024-10-15", "2024-10-29")]
    [InlineData("2024-09-25 09:00", 20, 40, "2024-10-22", "2024-10-29", "2024-11-26")]
    public void Read_EachLevel_BeginsAtMidnightBeijingOfItsFirstDay(string receivedAt, int committed, int statutory, string yellowDay, string redDay, string criticalDay)
    {
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(committed, statutory), At(receivedAt), "clerk", Cal);

        AssertLevelBegins(clock, yellowDay, WarningLevel.Normal, WarningLevel.Yellow);
        AssertLevelBegins(clock, redDay, WarningLevel.Yellow, WarningLevel.Red);
        AssertLevelBegins(clock, criticalDay, WarningLevel.Red, WarningLevel.Critical);
    }

    [Theory]
    [InlineData("2024-09-28 10:00", 1, 3, "2024-09-29", "2024-10-01", "2024-10-10")]
    [InlineData("2024-09-25 09:00", 3, 5, "2024-09-27", "2024-09-30", "2024-10-09")]
    [InlineData("2024-09-25 09:00", 5, 10, "2024-09-30", "2024-10-09", "2024-10-15")]
    [InlineData("2024-09-25 09:00", 10, 20, "2024-10-11", "2024-10-15", "2024-10-29")]
    [InlineData("2024-09-25 09:00", 20, 40, "2024-10-22", "2024-10-29", "2024-11-26")]
    public void Read_RunningClock_LevelInstantsAreMidnightBeijingOfTheFirstDays(string receivedAt, int committed, int statutory, string yellowDay, string redDay, string criticalDay)
    {
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(committed, statutory), At(receivedAt), "clerk", Cal);

        foreach (var now in new[] { At(receivedAt), Noon(yellowDay), Noon(criticalDay) })
        {
            var reading = ClockCalculator.Read(clock, Cal, now);
            Assert.Equal(Midnight(yellowDay), reading.YellowFrom);
            Assert.Equal(Midnight(redDay), reading.RedFrom);
            Assert.Equal(Midnight(criticalDay), reading.CriticalFrom);
            Assert.Equal(reading.YellowFrom, reading.LevelBegins(WarningLevel.Yellow));
            Assert.Equal(reading.CriticalFrom, reading.LevelBegins(WarningLevel.Critical));
        }
    }

    [Fact]
    public void Read_ShortLimitAcceptedOnItsYellowDay_YellowFromTheReceiptInstant()
    {
        // Committed 1 from Wednesday 09-25: due 09-26, so one day is left at once; yellow cannot begin before the receipt.
        var received = At("2024-09-25 14:20");
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(1, 1), received, "clerk", Cal);

        var reading = ClockCalculator.Read(clock, Cal, received);

        Assert.Equal(WarningLevel.Yellow, reading.Level);
        Assert.Equal(received, reading.YellowFrom);
        Assert.Equal(Midnight("2024-09-27"), reading.RedFrom);
        Assert.Equal(Midnight("2024-09-27"), reading.CriticalFrom);
    }

    [Fact]
    public void Read_StoppedClock_ReadsAsItStoodWhenStopped()
    {
        // Committed 10 / statutory 20 from 09-25: at 10-10 15:00, 7 working days used, 3 left (10-11, 10-12, 10-14).
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2024-09-25 09:00"), "clerk", Cal);
        clock.Stop(At("2024-10-10 15:00"), "officer", "作出决定");

        foreach (var now in new[] { At("2024-10-10 15:00"), Noon("2024-10-15"), Noon("2024-12-31"), Noon("2026-06-01") })
        {
            var reading = ClockCalculator.Read(clock, Cal, now);
            Assert.True(reading.IsStopped);
            Assert.Equal(WarningLevel.Normal, reading.Level);
            Assert.Equal(7, reading.WorkingDaysUsed);
            Assert.Equal(3, reading.WorkingDaysRemaining);
            Assert.Equal(Day("2024-10-14"), reading.CommittedDueDate);
            Assert.Equal(Day("2024-10-28"), reading.StatutoryDueDate);
            Assert.Null(reading.YellowFrom);
            Assert.Null(reading.RedFrom);
            Assert.Null(reading.CriticalFrom);
        }
    }

    [Fact]
    public void Stop_StoppedLate_KeepsTheLevelItHadReached()
    {
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2024-09-25 09:00"), "clerk", Cal);
        clock.Stop(At("2024-10-16 10:00"), "officer", "作出决定");

        var reading = ClockCalculator.Read(clock, Cal, Noon("2024-11-30"));

        Assert.Equal(WarningLevel.Red, reading.Level);
        Assert.Equal(-2, reading.WorkingDaysRemaining); // 10-15, 10-16 past the due date 10-14
    }

    [Fact]
    public void Stop_ClosesOpenPauses_AndRefusesFurtherChanges()
    {
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2024-09-25 09:00"), "clerk", Cal);
        clock.Pause("hearing", At("2024-10-08 09:00"), "officer", "听证");
        var stoppedAt = At("2024-10-10 15:00");

        clock.Stop(stoppedAt, "officer", "申请人撤回");
        clock.Stop(At("2024-10-11 15:00"), "officer", "again"); // a second stop changes nothing

        Assert.False(clock.IsPaused);
        Assert.Equal(stoppedAt, Assert.Single(clock.Pauses).ResumedAt);
        Assert.Equal(stoppedAt, clock.StoppedAt);
        Assert.Single(clock.History, e => e.Kind == ClockEventKinds.Stopped);
        Assert.Throws<ClockRuleException>(() => clock.Pause("expert", At("2024-10-11 09:00"), "officer", "专家评审"));
        Assert.Throws<ClockRuleException>(() => clock.Resume(null, At("2024-10-11 09:00"), "officer", null));
    }

    private static void AssertLevelBegins(LegalClock clock, string firstDay, WarningLevel before, WarningLevel from)
    {
        var midnight = Midnight(firstDay);
        Assert.Equal(before, ClockCalculator.Read(clock, Cal, midnight.AddHours(-12)).Level);
        Assert.Equal(before, ClockCalculator.Read(clock, Cal, midnight.AddSeconds(-1)).Level);
        Assert.Equal(from, ClockCalculator.Read(clock, Cal, midnight).Level);
        Assert.Equal(from, ClockCalculator.Read(clock, Cal, midnight.AddHours(12)).Level);
    }
}
