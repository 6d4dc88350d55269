using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.NoticeTable;

namespace Approval.Engine.Tests.Calendar;

public sealed class CalendarYearRulesTests
{
    private static SpecialDay Holiday(string date, string name = "国庆节") => new(D(date), SpecialDayKind.Holiday, name);

    private static SpecialDay Workday(string date, string name = "国庆节") => new(D(date), SpecialDayKind.Workday, name);

    [Fact]
    public void ValidNotice_HasNoProblems() =>
        Assert.Empty(CalendarYearRules.Validate(2027, [Holiday("2026-12-01", "元旦"), Holiday("2027-10-01"), Workday("2027-10-09"), Holiday("2027-12-31", "x")]));

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void YearOutsideRange(int year)
    {
        var problem = Assert.Single(CalendarYearRules.Validate(year, []));
        Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-30")]
    [InlineData("2028-01-01")]
    [InlineData("2025-12-31")]
    public void DateOutsideTheNotice(string date)
    {
        var problem = Assert.Single(CalendarYearRules.Validate(2027, [Holiday(date)]));
        Assert.StartsWith(date, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkdayOnAWeekday() =>
        Assert.Equal(
            ["2027-05-10 is a Monday; a swapped working day (workday) must fall on a Saturday or Sunday."],
            CalendarYearRules.Validate(2027, [Workday("2027-05-10", "劳动节")]));

    [Fact]
    public void DuplicateDate_IsReportedOnce()
    {
        var problem = Assert.Single(CalendarYearRules.Validate(2027, [Holiday("2027-10-01"), Holiday("2027-10-01"), Holiday("2027-10-01")]));
        Assert.StartsWith("2027-10-01", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyName(string name)
    {
        var problem = Assert.Single(CalendarYearRules.Validate(2027, [Holiday("2027-10-01", name)]));
        Assert.StartsWith("2027-10-01", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AllProblemsAtOnce() =>
        Assert.Equal(4, CalendarYearRules.Validate(2027, [Workday("2027-05-10"), Holiday("2028-01-03"), Holiday("2027-10-01", ""), Holiday("2027-10-02"), Holiday("2027-10-02")]).Count);

    [Theory]
    [InlineData("2022-12-31", SpecialDayKind.Holiday, "元旦", 2023)]
    [InlineData("2018-12-29", SpecialDayKind.Workday, "元旦", 2019)] // the Saturday worked before 元旦 2019
    [InlineData("2026-12-31", SpecialDayKind.Holiday, "New Year's Day", 2027)]
    [InlineData("2022-01-01", SpecialDayKind.Holiday, "元旦", 2022)]
    [InlineData("2026-12-31", SpecialDayKind.Holiday, "other", 2026)]
    [InlineData("2025-10-01", SpecialDayKind.Holiday, "国庆节、中秋节", 2025)]
    public void NoticeYearOf(string date, SpecialDayKind kind, string name, int expected) =>
        Assert.Equal(expected, CalendarYearRules.NoticeYearOf(new SpecialDay(D(date), kind, name)));
}
