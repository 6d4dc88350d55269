using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>Rule 3: N working days from the acceptance date is the N-th working day after it; the acceptance date never counts.</summary>
/// <remarks>
/// Working days after Friday 2024-09-27, by hand from the 2024 notice: 09-29 (Sunday 调休) 1, 09-30 2, [10-01..10-07 off],
/// 10-08 3, 10-09 4, 10-10 5, 10-11 6, 10-12 (Saturday 调休) 7, 10-14 8, 10-15 9, 10-16 10, 10-17 11, 10-18 12, 10-21 13,
/// 10-22 14, 10-23 15, 10-24 16, 10-25 17, 10-28 18, 10-29 19, 10-30 20.
/// </remarks>
public sealed class LegalClockDueDateTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void Read_TwentyWorkingDaysAcrossNationalDay_StatutoryDueOnTheTwentiethWorkingDayAfterAcceptance()
    {
        var clock = Start(At("2024-09-27 10:00"), committed: 10, statutory: 20);

        var reading = ClockCalculator.Read(clock, Cal, At("2024-09-27 10:00"));

        Assert.Equal(Day("2024-10-16"), reading.CommittedDueDate);
        Assert.Equal(Day("2024-10-30"), reading.StatutoryDueDate);
    }

    [Theory]
    [InlineData(1, "2024-09-29")] // the next working day (a Sunday 调休), not the acceptance day itself
    [InlineData(2, "2024-09-30")]
    [InlineData(3, "2024-10-08")]
    [InlineData(7, "2024-10-12")]
    [InlineData(8, "2024-10-14")]
    [InlineData(20, "2024-10-30")]
    public void Read_CommittedLimit_DueOnTheNthWorkingDayAfterAcceptance(int committed, string due)
    {
        var clock = Start(At("2024-09-27 10:00"), committed, statutory: 20);

        Assert.Equal(Day(due), ClockCalculator.Read(clock, Cal, At("2024-09-27 10:00")).CommittedDueDate);
    }

    [Fact]
    public void Read_WeekendReceiptBeforeSpringFestival2026_CountsFromTheAcceptanceDate()
    {
        // Received Friday 2026-02-13: 02-14 (Saturday 调休) 1, [02-15..02-23 off], 02-24 2, 02-25 3, 02-26 4, 02-27 5,
        // 02-28 (Saturday 调休) 6, 03-02 7 … 03-13 16, 03-16 17, 03-17 18, 03-18 19, 03-19 20.
        var clock = Start(At("2026-02-13 10:00"), committed: 5, statutory: 20);

        var reading = ClockCalculator.Read(clock, Cal, At("2026-02-13 10:00"));

        Assert.Equal(Day("2026-02-27"), reading.CommittedDueDate);
        Assert.Equal(Day("2026-03-19"), reading.StatutoryDueDate);
    }

    [Fact]
    public void Read_NoStatutoryLimit_NoStatutoryDueDateAndNoCriticalInstant()
    {
        var clock = Start(At("2024-09-27 10:00"), committed: 10, statutory: null);

        var reading = ClockCalculator.Read(clock, Cal, At("2025-06-01 10:00"));

        Assert.Null(reading.StatutoryDueDate);
        Assert.Null(reading.CriticalFrom);
        Assert.Equal(WarningLevel.Red, reading.Level); // long past the committed due date, but never critical
    }

    [Fact]
    public void Read_AcceptanceDay_NothingUsedAndTheWholeLimitRemains()
    {
        var clock = Start(At("2024-09-27 10:00"), committed: 10, statutory: 20);

        var reading = ClockCalculator.Read(clock, Cal, At("2024-09-27 17:00"));

        Assert.Equal(0, reading.WorkingDaysUsed);
        Assert.Equal(10, reading.WorkingDaysRemaining);
        Assert.Equal(WarningLevel.Normal, reading.Level);
        Assert.False(reading.CalendarEstimated);
    }

    [Theory]
    [InlineData("2024-10-08 09:00", 3, 7)] // 09-29, 09-30, 10-08 used
    [InlineData("2024-10-06 12:00", 2, 8)] // mid-holiday: nothing counts while offices are shut
    [InlineData("2024-10-16 18:00", 10, 0)] // the due date itself: nothing left, not yet overdue
    [InlineData("2024-10-17 00:00", 11, -1)] // overdue from the start of the next day
    [InlineData("2024-10-21 12:00", 13, -3)] // 10-17, 10-18, 10-21 past the due date
    public void Read_LaterDays_UsedAndRemainingCountWorkingDaysOnly(string now, int used, int remaining)
    {
        var clock = Start(At("2024-09-27 10:00"), committed: 10, statutory: 20);

        var reading = ClockCalculator.Read(clock, Cal, At(now));

        Assert.Equal(used, reading.WorkingDaysUsed);
        Assert.Equal(remaining, reading.WorkingDaysRemaining);
    }

    [Fact]
    public void Read_DueDateInAYearWithoutANotice_MondayToFridayRuleAndFlaggedEstimated()
    {
        // Received Thursday 2026-12-24; 2027 has no notice in the shipped data, so 2027-01-01 (a Friday) counts as a working
        // day: 12-25 1, 12-28 2, 12-29 3, 12-30 4, 12-31 5, 2027-01-01 6, 01-04 7, 01-05 8, 01-06 9, 01-07 10.
        var clock = Start(At("2026-12-24 10:00"), committed: 10, statutory: null);

        var reading = ClockCalculator.Read(clock, Cal, At("2026-12-24 10:00"));

        Assert.Equal(Day("2027-01-07"), reading.CommittedDueDate);
        Assert.True(reading.CalendarEstimated);
    }

    [Fact]
    public void Read_DueDateInsideTheShippedYears_NotEstimated()
    {
        // Received Thursday 2026-12-10: 12-11 1, 12-14 2 … 12-18 6, 12-21 7, 12-22 8, 12-23 9, 12-24 10.
        var clock = Start(At("2026-12-10 10:00"), committed: 10, statutory: null);

        var reading = ClockCalculator.Read(clock, Cal, At("2026-12-10 10:00"));

        Assert.Equal(Day("2026-12-24"), reading.CommittedDueDate);
        Assert.False(reading.CalendarEstimated);
    }

    private static LegalClock Start(DateTimeOffset receivedAt, int committed, int? statutory) =>
        LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(committed, statutory), receivedAt, "clerk", Cal);
}
