using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.NoticeTable;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Years with no notice, and how notices combine when a calendar is built.</summary>
public sealed class CalendarWithoutDataTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Theory]
    [InlineData("2027-01-01", true)] // Friday: surely 元旦 in reality, but there is no 2027 notice yet
    [InlineData("2027-01-02", false)]
    [InlineData("2021-06-14", true)] // Monday: 端午 2021 in reality; the 2021 notice is not loaded
    [InlineData("2021-06-12", false)]
    public void YearWithoutData_UsesTheWeekdayRule_AndSaysSo(string date, bool working)
    {
        Assert.Equal(working, Cal.IsWorkingDay(D(date)));
        Assert.True(Cal.IsEstimated(D(date)));
    }

    [Fact]
    public void YearWithData_IsNotEstimated()
    {
        Assert.False(Cal.IsEstimated(D("2026-12-31")));
        Assert.False(Cal.IsEstimated(D("2022-01-01")));
    }

    [Fact]
    public void MissingYears_AreListedInclusive()
    {
        Assert.Equal([2027], Cal.MissingYears(2022, 2027));
        Assert.Equal([2020, 2021], Cal.MissingYears(2020, 2022));
        Assert.Empty(Cal.MissingYears(2022, 2026));
    }

    [Fact]
    public void Count_In2027_IsTheWeekdayCount()
    {
        // 2027 has 261 Mondays–Fridays (python3 datetime).
        Assert.Equal(261, Cal.CountWorkingDays(D("2026-12-31"), D("2027-12-31")));
    }

    [Fact]
    public void OnlyThe2023Notice_StillKnows2022_12_31_ButCalls2022Estimated()
    {
        var cal = new BusinessCalendar(CalendarCsv.Shipped().Where(y => y.Year == 2023));

        Assert.False(cal.IsWorkingDay(D("2022-12-31")));
        Assert.True(cal.IsEstimated(D("2022-12-31")));
        Assert.True(cal.IsWorkingDay(D("2022-10-07"))); // Friday, off under the 2022 notice, which is missing
        Assert.Equal([2023], cal.YearsWithData);
    }

    [Fact]
    public void SameDateInTwoNotices_TheLaterNoticeWins_WhateverTheOrderGiven()
    {
        var early = new CalendarYear(2022, [new SpecialDay(D("2022-12-31"), SpecialDayKind.Workday, "test")]);
        var late = new CalendarYear(2023, [new SpecialDay(D("2022-12-31"), SpecialDayKind.Holiday, "元旦")]);

        foreach (var years in new[] { new[] { early, late }, [late, early] })
        {
            var cal = new BusinessCalendar(years);
            Assert.False(cal.IsWorkingDay(D("2022-12-31")));
            Assert.Equal("元旦", cal.Find(D("2022-12-31"))?.Name);
            Assert.Equal(0, cal.CountWorkingDays(D("2022-12-30"), D("2022-12-31")));
        }
    }

    [Fact]
    public void SameNoticeYearTwice_IsRejected()
    {
        var year = new CalendarYear(2027, []);
        Assert.Throws<ArgumentException>(() => new BusinessCalendar([year, year]));
    }

    [Fact]
    public void InvalidNotice_IsRejected_WithTheProblem()
    {
        var bad = new CalendarYear(2027, [new SpecialDay(D("2027-05-10"), SpecialDayKind.Workday, "劳动节")]);

        var ex = Assert.Throws<ArgumentException>(() => new BusinessCalendar([bad]));
        Assert.Contains("2027-05-10 is a Monday", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewNotice_ChangesCountsAfterIt()
    {
        // A made-up 2027 notice with 2027-01-01 (Friday) off and Saturday 2027-01-09 worked.
        var y2027 = new CalendarYear(2027,
        [
            new SpecialDay(D("2027-01-01"), SpecialDayKind.Holiday, "元旦"),
            new SpecialDay(D("2027-01-09"), SpecialDayKind.Workday, "元旦"),
        ]);
        var cal = new BusinessCalendar(CalendarCsv.Shipped().Append(y2027));

        Assert.False(cal.IsEstimated(D("2027-01-01")));
        Assert.Equal(D("2027-01-04"), cal.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(6, cal.CountWorkingDays(D("2026-12-31"), D("2027-01-10"))); // 1/4–1/8 and Saturday 1/9; 1/1 off
        Assert.Empty(cal.MissingYears(2022, 2027));
    }
}
