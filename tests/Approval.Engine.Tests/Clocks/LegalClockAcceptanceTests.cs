using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>Rule 2: the acceptance date is the receipt date if it is a working day, else the next working day (Beijing date).</summary>
public sealed class LegalClockAcceptanceTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void Start_WeekdayReceipt_AcceptedThatDay()
    {
        // 2024-09-27 is a Friday, an ordinary working day.
        var clock = Start(At("2024-09-27 10:00"));

        Assert.Equal(Day("2024-09-27"), clock.AcceptedOn);
        Assert.Equal(Day("2024-09-27"), Read(clock, At("2024-09-27 10:00")).AcceptedOn);
    }

    [Fact]
    public void Start_SaturdayReceipt_RollsToMonday()
    {
        // 2024-11-16 is a plain Saturday; Sunday 11-17 is a rest day too.
        var clock = Start(At("2024-11-16 10:00"));

        Assert.Equal(Day("2024-11-18"), clock.AcceptedOn);
    }

    [Fact]
    public void Start_SaturdayReceiptBeforeASwappedSunday_RollsToThatSunday()
    {
        // 2024-09-28 is a Saturday off; Sunday 2024-09-29 is a 调休 working day for National Day.
        var clock = Start(At("2024-09-28 10:00"));

        Assert.Equal(Day("2024-09-29"), clock.AcceptedOn);
    }

    [Theory]
    [InlineData("2024-10-03 10:00", "2024-10-08")] // National Day 10-01..10-07
    [InlineData("2024-10-01 00:00", "2024-10-08")]
    [InlineData("2025-01-28 09:00", "2025-02-05")] // 除夕 2025, Spring Festival 01-28..02-04
    [InlineData("2026-02-20 09:00", "2026-02-24")] // Spring Festival 2026 02-15..02-23 (the 23rd is a Monday)
    public void Start_ReceiptOnStatutoryHoliday_RollsToFirstWorkingDayAfterIt(string receivedAt, string acceptedOn)
    {
        var clock = Start(At(receivedAt));

        Assert.Equal(Day(acceptedOn), clock.AcceptedOn);
    }

    [Theory]
    [InlineData("2024-10-12 09:30")] // Saturday 调休 after National Day 2024
    [InlineData("2025-10-11 16:00")] // Saturday 调休 after National Day 2025
    [InlineData("2026-01-04 11:00")] // Sunday 调休 after New Year 2026
    public void Start_ReceiptOnSwappedWorkingWeekendDay_AcceptedThatDay(string receivedAt)
    {
        var received = At(receivedAt);

        var clock = Start(received);

        Assert.Equal(DateOnly.FromDateTime(received.DateTime), clock.AcceptedOn);
    }

    [Theory]
    [InlineData("2024-09-30T15:30:00Z", "2024-09-30")] // 23:30 Monday Beijing
    [InlineData("2024-09-30T15:59:59Z", "2024-09-30")] // 23:59:59 Monday Beijing
    [InlineData("2024-09-30T16:00:00Z", "2024-10-08")] // 00:00 Tuesday 10-01 Beijing: a holiday already
    [InlineData("2024-09-30T12:30:00-04:00", "2024-10-08")] // same as 16:30Z, written in another offset
    [InlineData("2024-09-26T23:00:00Z", "2024-09-27")] // 07:00 Friday Beijing, still Thursday in UTC
    [InlineData("2024-09-27T23:30:00Z", "2024-09-29")] // 07:30 Saturday Beijing, still Friday in UTC
    public void Start_ReceiptNearMidnight_UsesTheBeijingDate(string receivedAt, string acceptedOn)
    {
        var clock = Start(Instant(receivedAt));

        Assert.Equal(Day(acceptedOn), clock.AcceptedOn);
    }

    [Fact]
    public void Start_LateEveningReceipt_CountsFromTheBeijingDate()
    {
        // 2024-09-30T23:30+08:00 (15:30Z): accepted Monday 09-30; one working day later is 10-08, after National Day.
        var clock = Start(Instant("2024-09-30T15:30:00Z"), committed: 1, statutory: 1);

        var reading = Read(clock, Instant("2024-09-30T15:30:00Z"));

        Assert.Equal(Day("2024-09-30"), reading.AcceptedOn);
        Assert.Equal(Day("2024-10-08"), reading.CommittedDueDate);
    }

    [Fact]
    public void Start_KeepsTheReceiptInstant_AndRecordsWhoStartedIt()
    {
        var received = At("2024-11-16 10:00");

        var clock = Start(received);

        Assert.Equal(received, clock.StartedAt);
        var started = Assert.Single(clock.History);
        Assert.Equal(ClockEventKinds.Started, started.Kind);
        Assert.Equal(received, started.At);
        Assert.Equal("clerk", started.By);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(-1, 20)]
    [InlineData(21, 20)]
    public void Start_InvalidLimits_Refused(int committed, int statutory) =>
        Assert.Throws<ClockRuleException>(() => Start(At("2024-09-27 10:00"), committed, statutory));

    private static LegalClock Start(DateTimeOffset receivedAt, int committed = 10, int? statutory = 20) =>
        LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(committed, statutory), receivedAt, "clerk", Cal);

    private static ClockReading Read(LegalClock clock, DateTimeOffset now) => ClockCalculator.Read(clock, Cal, now);
}
