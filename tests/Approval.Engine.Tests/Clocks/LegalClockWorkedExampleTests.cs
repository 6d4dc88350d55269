using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>The worked example of docs/legal-clock.md, step by step, so the document and the engine cannot drift apart.</summary>
/// <remarks>
/// Working days after Monday 2026-09-14, by hand from the 2026 notice (中秋 09-25..09-27 and 国庆 10-01..10-07 off; Sunday
/// 09-20 and Saturday 10-10 worked): 09-15 1, 09-16 2, 09-17 3, 09-18 4, 09-20 5, 09-21 6, 09-22 7, 09-23 8, 09-24 9,
/// 09-28 10, 09-29 11, 09-30 12, 10-08 13, 10-09 14, 10-10 15, 10-12 16, 10-13 17, 10-14 18, 10-15 19, 10-16 20, 10-19 21,
/// 10-20 22, 10-21 23, 10-22 24, 10-23 25, 10-26 26, 10-27 27, 10-28 28, 10-29 29, 10-30 30, 11-02 31, 11-03 32, 11-04 33,
/// 11-05 34, 11-06 35, 11-09 36, 11-10 37, 11-11 38, 11-12 39.
/// </remarks>
public sealed class LegalClockWorkedExampleTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void WorkedExample_WeekendReceiptHearingExtension_MatchesTheDocument()
    {
        // 1. Received Sunday 2026-09-13: accepted Monday 09-14; committed 10 → 09-28, statutory 20 → 10-16.
        var clock = LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2026-09-13 10:30"), "窗口", Cal);
        var start = Read(clock, "2026-09-13 10:30");
        Assert.Equal(Day("2026-09-14"), start.AcceptedOn);
        Assert.Equal(Day("2026-09-28"), start.CommittedDueDate);
        Assert.Equal(Day("2026-10-16"), start.StatutoryDueDate);
        Assert.Equal(Midnight("2026-09-23"), start.YellowFrom);
        Assert.Equal(Midnight("2026-09-29"), start.RedFrom);
        Assert.Equal(Midnight("2026-10-17"), start.CriticalFrom);

        // 2. Hearing from Tuesday 09-22 15:00: 7 working days used, 3 left, normal; frozen while it lasts.
        var beforeHearing = Read(clock, "2026-09-22 14:00");
        Assert.Equal((7, 3, WarningLevel.Normal), (beforeHearing.WorkingDaysUsed, beforeHearing.WorkingDaysRemaining, beforeHearing.Level));
        clock.Pause("hearing", At("2026-09-22 15:00"), "审查员", "听证");
        var duringHearing = Read(clock, "2026-10-05 12:00");
        Assert.Equal((7, 3, WarningLevel.Normal), (duringHearing.WorkingDaysUsed, duringHearing.WorkingDaysRemaining, duringHearing.Level));

        // 3. Resumed Monday 10-12 10:00: (09-22, 10-12] holds 9 working days; committed → 10-15, statutory → 10-29.
        clock.Resume("hearing", At("2026-10-12 10:00"), "审查员", "听证结束");
        var afterHearing = Read(clock, "2026-10-12 10:00");
        Assert.Equal(9, afterHearing.PausedWorkingDays);
        Assert.Equal(Day("2026-10-15"), afterHearing.CommittedDueDate);
        Assert.Equal(Day("2026-10-29"), afterHearing.StatutoryDueDate);
        Assert.Equal(Midnight("2026-10-13"), afterHearing.YellowFrom);

        // 4. Extension approved Monday 10-12 16:00: committed → 10-29, statutory → 11-12.
        clock.Extend(10, At("2026-10-12 16:00"), "局长", "需组织专家论证", Cal);
        var extended = Read(clock, "2026-10-12 16:00");
        Assert.Equal(Day("2026-10-29"), extended.CommittedDueDate);
        Assert.Equal(Day("2026-11-12"), extended.StatutoryDueDate);
        Assert.Equal(Midnight("2026-10-27"), extended.YellowFrom);
        Assert.Equal(Midnight("2026-10-30"), extended.RedFrom);
        Assert.Equal(Midnight("2026-11-13"), extended.CriticalFrom);

        // 5. Tuesday 10-20: 13 working days used, 7 left (10-21 … 10-29).
        var midway = Read(clock, "2026-10-20 12:00");
        Assert.Equal((13, 7, WarningLevel.Normal), (midway.WorkingDaysUsed, midway.WorkingDaysRemaining, midway.Level));

        // 6. Yellow from Tuesday 10-27, red from Friday 10-30, critical from Friday 11-13.
        Assert.Equal(WarningLevel.Normal, Read(clock, "2026-10-26 23:59").Level);
        Assert.Equal(WarningLevel.Yellow, Read(clock, "2026-10-27 00:00").Level);
        Assert.Equal(WarningLevel.Yellow, Read(clock, "2026-10-29 23:59").Level);
        Assert.Equal(WarningLevel.Red, Read(clock, "2026-10-30 00:00").Level);
        Assert.Equal(WarningLevel.Red, Read(clock, "2026-11-12 23:59").Level);
        Assert.Equal(WarningLevel.Critical, Read(clock, "2026-11-13 00:00").Level);
    }

    private static ClockReading Read(LegalClock clock, string beijing) => ClockCalculator.Read(clock, Cal, At(beijing));
}
