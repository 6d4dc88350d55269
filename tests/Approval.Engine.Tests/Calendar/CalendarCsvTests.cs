using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.NoticeTable;

namespace Approval.Engine.Tests.Calendar;

public sealed class CalendarCsvTests
{
    [Fact]
    public void Shipped_HasOneEntryPerNotice_With2022_12_31_In2023()
    {
        var years = CalendarCsv.Shipped();

        // Per-notice row counts from the off ranges and 调休 lists in domain.md §4
        // (2022: 3+7+3+5+3+3+7 = 31 off days, 2023: 3+7+1+5+3+8 = 27, 2024: 1+8+3+5+1+3+7 = 28,
        //  2025: 1+8+3+5+3+8 = 28, 2026: 3+9+3+5+3+3+7 = 33); 180 rows in all.
        Assert.Equal([2022, 2023, 2024, 2025, 2026], years.Select(y => y.Year));
        Assert.Equal([31, 27, 28, 28, 33], years.Select(y => y.Days.Count(d => d.Kind == SpecialDayKind.Holiday)));
        Assert.Equal([7, 7, 8, 5, 6], years.Select(y => y.Days.Count(d => d.Kind == SpecialDayKind.Workday)));
        Assert.Equal(180, years.Sum(y => y.Days.Count));
        Assert.Contains(years.Single(y => y.Year == 2023).Days, d => d.Date == D("2022-12-31"));
    }

    [Fact]
    public void Shipped_EachNoticeIsExactlyTheNoticeTable()
    {
        foreach (var year in CalendarCsv.Shipped())
        {
            Assert.Empty(CalendarYearRules.Validate(year.Year, year.Days));
            Assert.Equal(OffDays(year.Year).Order(), year.Days.Where(d => d.Kind == SpecialDayKind.Holiday).Select(d => d.Date).Order());
            Assert.Equal(Workdays(year.Year).Order(), year.Days.Where(d => d.Kind == SpecialDayKind.Workday).Select(d => d.Date).Order());
        }
    }

    [Fact]
    public void Parse_ToleratesBomCrlfBlankLinesSpacesAndCase()
    {
        var text = "\uFEFF Date , KIND ,name\r\n\r\n 2026-10-01 , HOLIDAY , 国庆节 \r\n   \r\n2026-10-10,Workday,国庆节\r\n";

        var days = CalendarCsv.Parse(text);

        Assert.Equal(
            [new SpecialDay(new DateOnly(2026, 10, 1), SpecialDayKind.Holiday, "国庆节"), new SpecialDay(new DateOnly(2026, 10, 10), SpecialDayKind.Workday, "国庆节")],
            days);
    }

    [Fact]
    public void Parse_ReportsEveryBadLineWithItsNumber()
    {
        var text = string.Join('\n',
            "date,kind,name",           // 1
            "2026-10-01,holiday,国庆节", // 2
            "2026-13-01,holiday,国庆节", // 3 no month 13
            "2026-10-02,rest,国庆节",    // 4 unknown kind
            "2026-10-03,holiday",       // 5 two fields
            "",                         // 6 blank, skipped but counted
            "2026-10-04,holiday,  ",    // 7 empty name
            "2026/10/05,holiday,国庆节", // 8 wrong date form
            "2026-10-10,workday,国庆节"); // 9

        var ex = Assert.Throws<CalendarFormatException>(() => CalendarCsv.Parse(text));

        Assert.Equal(["Line 3:", "Line 4:", "Line 5:", "Line 7:", "Line 8:"], ex.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)] + ":"));
        Assert.Contains("2026-13-01", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("rest", ex.Problems[1], StringComparison.Ordinal);
        Assert.Contains("Line 8:", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_WithoutHeader_IsRejected()
    {
        var ex = Assert.Throws<CalendarFormatException>(() => CalendarCsv.Parse("2026-10-01,holiday,国庆节\n2026-10-02,holday,国庆节\n"));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("Line 1:", ex.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 2:", ex.Problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF\r\n\r\n")]
    public void Parse_EmptyText_IsRejected(string text) =>
        Assert.Single(Assert.Throws<CalendarFormatException>(() => CalendarCsv.Parse(text)).Problems);

    [Fact]
    public void Parse_HeaderOnly_IsNoRows() => Assert.Empty(CalendarCsv.Parse("date,kind,name\n"));

    [Fact]
    public void WriteThenParse_RoundTripsTheShippedData_AndReproducesTheFile()
    {
        var days = CalendarCsv.Shipped().SelectMany(y => y.Days).ToList();
        var shuffled = days.OrderBy(d => d.Date.DayNumber * 7919 % 180).ToList();

        var written = CalendarCsv.Write(shuffled);

        Assert.Equal(days.OrderBy(d => d.Date), CalendarCsv.Parse(written));
        Assert.Equal(File.ReadAllText(ShippedFilePath()), written);
    }

    [Fact]
    public void WriteThenParse_KeepsCommasAndQuotesInNames()
    {
        SpecialDay[] days =
        [
            new(new DateOnly(2026, 10, 1), SpecialDayKind.Holiday, "国庆节, 中秋节"),
            new(new DateOnly(2026, 10, 2), SpecialDayKind.Holiday, "the \"Golden Week\""),
        ];

        var written = CalendarCsv.Write(days);

        Assert.Contains("\"国庆节, 中秋节\"", written, StringComparison.Ordinal);
        Assert.Equal(days, CalendarCsv.Parse(written));
    }

    [Fact]
    public void Parse_UnclosedQuote_IsABadLine()
    {
        var ex = Assert.Throws<CalendarFormatException>(() => CalendarCsv.Parse("date,kind,name\n2026-10-01,holiday,\"国庆节\n"));
        Assert.StartsWith("Line 2:", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NameWithLineBreak_Throws() =>
        Assert.Throws<ArgumentException>(() => CalendarCsv.Write([new SpecialDay(new DateOnly(2026, 10, 1), SpecialDayKind.Holiday, "国庆\n节")]));

    private static string ShippedFilePath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../engine/Approval.Engine/Calendar/Data/cn-holidays-2022-2026.csv"));
}
