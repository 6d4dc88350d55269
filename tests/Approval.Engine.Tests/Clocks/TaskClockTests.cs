using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>A task's own limit (环节时限): due N working days after the Beijing date it was created; yellow and red, never critical.</summary>
public sealed class TaskClockTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    // Created Friday 2024-09-27, limit 3: 09-29 (Sunday 调休) 1, 09-30 2, [10-01..10-07 off], 10-08 3.
    [Theory]
    [InlineData("2024-09-27 16:00", 3, WarningLevel.Normal)]
    [InlineData("2024-09-29 12:00", 2, WarningLevel.Normal)]
    [InlineData("2024-09-30 00:00", 1, WarningLevel.Yellow)]
    [InlineData("2024-10-05 12:00", 1, WarningLevel.Yellow)] // mid-holiday
    [InlineData("2024-10-08 23:59", 0, WarningLevel.Yellow)]
    [InlineData("2024-10-09 00:00", -1, WarningLevel.Red)]
    [InlineData("2024-10-12 12:00", -4, WarningLevel.Red)] // 10-09, 10-10, 10-11, 10-12 (Saturday 调休)
    [InlineData("2024-10-21 12:00", -10, WarningLevel.Red)] // 10-09 … 10-18, 10-21: never critical, a task has no statutory limit
    public void ReadTask_ThreeWorkingDays_DueDateRemainingAndLevel(string now, int remaining, WarningLevel level)
    {
        var reading = ClockCalculator.ReadTask(At("2024-09-27 15:00"), 3, Cal, At(now));

        Assert.Equal(Day("2024-10-08"), reading.DueDate);
        Assert.Equal(remaining, reading.WorkingDaysRemaining);
        Assert.Equal(level, reading.Level);
    }

    [Fact]
    public void ReadTask_CreatedJustAfterMidnightBeijing_CountsFromTheBeijingDate()
    {
        // 2024-09-29T16:30Z is 00:30 on Monday 09-30 in Beijing: 10-08 1, 10-09 2, 10-10 3.
        var reading = ClockCalculator.ReadTask(Instant("2024-09-29T16:30:00Z"), 3, Cal, Instant("2024-09-29T16:30:00Z"));

        Assert.Equal(Day("2024-10-10"), reading.DueDate);
        Assert.Equal(3, reading.WorkingDaysRemaining);
    }

    [Theory]
    [InlineData("2024-10-10 12:00", 3, WarningLevel.Normal)] // 10-11, 10-12, 10-14 left
    [InlineData("2024-10-11 00:00", 2, WarningLevel.Yellow)] // threshold for 10 is 2
    [InlineData("2024-10-14 12:00", 0, WarningLevel.Yellow)]
    [InlineData("2024-10-15 00:00", -1, WarningLevel.Red)]
    public void ReadTask_TenWorkingDays_YellowAtTwoLeftRedAfterTheDueDate(string now, int remaining, WarningLevel level)
    {
        // Created Wednesday 2024-09-25: the 10th working day after it is 10-14 (see ClockWarningLevelTests).
        var reading = ClockCalculator.ReadTask(At("2024-09-25 09:00"), 10, Cal, At(now));

        Assert.Equal(Day("2024-10-14"), reading.DueDate);
        Assert.Equal(remaining, reading.WorkingDaysRemaining);
        Assert.Equal(level, reading.Level);
    }
}
