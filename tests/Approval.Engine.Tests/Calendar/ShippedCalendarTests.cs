using System.Text;
using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.NoticeTable;

namespace Approval.Engine.Tests.Calendar;

/// <summary>The shipped 2022–2026 calendar against the notices themselves (<see cref="NoticeTable"/>) and hand-worked dates.</summary>
public sealed class ShippedCalendarTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void EveryDate_2021_12_01_To_2026_12_31_MatchesTheNoticeTable()
    {
        var wrong = Days(D("2021-12-01"), D("2026-12-31"))
            .Where(d => Cal.IsWorkingDay(d) != ExpectedWorking(d))
            .Select(d => $"{d:yyyy-MM-dd} ({d.DayOfWeek}): expected {(ExpectedWorking(d) ? "working" : "rest")}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryRowOfTheShippedFile_HolidayIsRest_WorkdayIsWorking()
    {
        // Read the embedded file with a naive split, not with CalendarCsv, so a parser bug cannot hide here.
        using var stream = typeof(BusinessCalendar).Assembly.GetManifestResourceStream("Approval.Engine.Calendar.cn-holidays-2022-2026.csv");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Trim().Split(',')).ToList();

        Assert.Equal(180, rows.Count);
        foreach (var row in rows)
        {
            var date = D(row[0]);
            Assert.True(Cal.IsWorkingDay(date) == (row[1] == "workday"), $"{row[0]} is a {row[1]} row");
            Assert.Equal(row[1] == "workday" ? SpecialDayKind.Workday : SpecialDayKind.Holiday, Cal.Find(date)?.Kind);
        }
    }

    [Theory]
    [InlineData("2022-12-30", true)] // Friday before the 2023 New Year break
    [InlineData("2022-12-31", false)] // Saturday, but listed: 2023 notice
    [InlineData("2023-01-02", false)] // Monday, 元旦 observed
    [InlineData("2023-01-03", true)]
    [InlineData("2023-12-30", false)] // Saturday joined to 2024-01-01 but not listed (ordinary weekend)
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-02", true)]
    [InlineData("2024-02-04", true)] // Sunday 调休
    [InlineData("2024-02-03", false)] // the Saturday before it is an ordinary weekend
    [InlineData("2025-01-28", false)] // 除夕, a holiday from 2025
    [InlineData("2025-05-02", false)] // 5月2日, a holiday from 2025
    [InlineData("2025-05-06", true)]
    [InlineData("2025-10-08", false)] // eighth day of 国庆+中秋
    [InlineData("2025-10-11", true)] // Saturday 调休
    [InlineData("2025-10-12", false)]
    [InlineData("2026-02-14", true)] // Saturday 调休 before the nine-day Spring Festival
    [InlineData("2026-02-23", false)] // Monday, last day of it
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)] // Saturday 调休 after it
    [InlineData("2026-03-01", false)]
    [InlineData("2026-06-19", false)] // Friday, 端午
    [InlineData("2021-12-31", true)] // no 2022 notice date in December 2021
    public void IsWorkingDay_KnownDates(string date, bool working) => Assert.Equal(working, Cal.IsWorkingDay(D(date)));

    [Theory]
    // Counted with a short python3 script over the domain.md §4 ranges (weekdays not in an off range, plus 调休 dates),
    // day by day from Jan 1 to Dec 31; cross-checked with 261/262 weekdays minus weekday holidays plus 调休:
    // 2022: 260-18+7=249, 2023: 260-18+7=249, 2024: 262-19+8=251, 2025: 261-18+5=248, 2026: 261-19+6=248.
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysPerYear(int year, int expected)
    {
        Assert.Equal(expected, Cal.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
        Assert.Equal(expected, Days(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count(Cal.IsWorkingDay));
    }

    [Theory]
    // From the last working day before each long break; expected dates worked out by hand from the notice table
    // (and re-checked with a python3 model of the table).
    [InlineData("2022-01-28", 1, "2022-01-29")] // Friday → Saturday 调休
    [InlineData("2022-01-30", 1, "2022-02-07")] // Sunday 调休, last before 春节 1/31–2/6
    [InlineData("2022-01-30", 20, "2022-03-04")]
    [InlineData("2022-09-30", 1, "2022-10-08")] // → Saturday 调休 after 国庆
    [InlineData("2022-09-30", 20, "2022-11-02")]
    [InlineData("2022-12-30", 1, "2023-01-03")] // across 2022-12-31 (2023 notice)
    [InlineData("2022-12-30", 20, "2023-02-02")] // also across 春节 2023
    [InlineData("2023-01-20", 1, "2023-01-28")]
    [InlineData("2023-01-20", 20, "2023-02-22")]
    [InlineData("2023-09-28", 1, "2023-10-07")]
    [InlineData("2023-09-28", 20, "2023-11-01")]
    [InlineData("2023-12-29", 1, "2024-01-02")]
    [InlineData("2024-02-09", 1, "2024-02-18")] // → Sunday 调休
    [InlineData("2024-02-09", 20, "2024-03-14")]
    [InlineData("2024-09-30", 1, "2024-10-08")]
    [InlineData("2024-09-30", 20, "2024-11-01")]
    [InlineData("2024-12-31", 1, "2025-01-02")]
    [InlineData("2025-01-27", 1, "2025-02-05")] // 除夕 1/28 is off
    [InlineData("2025-01-27", 20, "2025-03-03")]
    [InlineData("2025-04-30", 1, "2025-05-06")] // 5/2 is off
    [InlineData("2025-04-30", 5, "2025-05-12")]
    [InlineData("2025-09-30", 1, "2025-10-09")] // eight days off 10/1–10/8
    [InlineData("2025-09-30", 3, "2025-10-11")] // Thu 9, Fri 10, Sat 11 (调休)
    [InlineData("2025-09-30", 20, "2025-11-04")]
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-14", 1, "2026-02-24")] // nine days off 2/15–2/23
    [InlineData("2026-02-14", 5, "2026-02-28")] // Tue–Fri, then Saturday 调休
    [InlineData("2026-02-14", 20, "2026-03-20")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 20, "2026-11-03")]
    public void AddWorkingDays_AcrossLongHolidays(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Cal.AddWorkingDays(D(from), days));
        Assert.Equal(days, Cal.CountWorkingDays(D(from), D(expected)));
        Assert.Equal(D(from), Cal.SubtractWorkingDays(D(expected), days));
    }

    [Theory]
    // (from, to] worked out by hand from the notice table.
    [InlineData("2022-12-30", "2023-01-03", 1)]
    [InlineData("2026-02-13", "2026-02-27", 5)] // 2/14 调休 + 2/24–2/27
    [InlineData("2026-02-13", "2026-02-28", 6)] // + Saturday 调休 2/28
    [InlineData("2025-09-26", "2025-10-12", 6)] // 9/28 Sun, 9/29, 9/30, 10/9, 10/10, 10/11 Sat
    [InlineData("2025-01-24", "2025-02-09", 6)] // 1/26 Sun, 1/27, 2/5, 2/6, 2/7, 2/8 Sat
    [InlineData("2024-10-01", "2024-10-07", 0)]
    [InlineData("2024-10-07", "2024-10-01", 0)] // to before from
    [InlineData("2024-10-08", "2024-10-08", 0)] // empty interval
    public void CountWorkingDays_KnownSpans(string from, string to, int expected) =>
        Assert.Equal(expected, Cal.CountWorkingDays(D(from), D(to)));

    [Theory]
    // W is the latest working day with exactly n working days in (W, to]; worked out by hand.
    [InlineData("2026-02-24", 1, "2026-02-14")]
    [InlineData("2026-02-24", 3, "2026-02-12")]
    [InlineData("2026-02-21", 1, "2026-02-13")] // `to` inside the break: only 2/14 lies in (2/13, 2/21]
    [InlineData("2026-02-21", 2, "2026-02-12")]
    [InlineData("2025-10-09", 1, "2025-09-30")]
    [InlineData("2025-10-09", 4, "2025-09-26")] // 9/28 Sun 调休 counts, 9/27 Saturday does not
    [InlineData("2023-01-03", 1, "2022-12-30")]
    [InlineData("2024-10-12", 2, "2024-10-10")]
    [InlineData("2024-10-12", 0, "2024-10-12")]
    public void SubtractWorkingDays_KnownDates(string to, int days, string expected) =>
        Assert.Equal(D(expected), Cal.SubtractWorkingDays(D(to), days));

    [Theory]
    [InlineData("2024-10-01", "2024-10-08")] // received on National Day
    [InlineData("2025-10-11", "2025-10-11")] // a Saturday that is a 调休 workday
    [InlineData("2026-02-28", "2026-02-28")]
    [InlineData("2023-12-30", "2024-01-02")] // weekend, then 元旦 on Monday
    [InlineData("2022-12-31", "2023-01-03")]
    [InlineData("2025-05-02", "2025-05-06")]
    [InlineData("2026-02-15", "2026-02-24")]
    [InlineData("2024-10-08", "2024-10-08")] // an ordinary working day
    public void OnOrNextWorkingDay_WeekendAndHolidayReceipts(string received, string accepted) =>
        Assert.Equal(D(accepted), Cal.OnOrNextWorkingDay(D(received)));

    [Theory]
    [InlineData("2024-09-30", "2024-10-08")]
    [InlineData("2025-09-27", "2025-09-28")] // Saturday → Sunday 调休
    [InlineData("2025-10-11", "2025-10-13")] // strictly after, even from a working day
    public void NextWorkingDay_IsStrictlyAfter(string date, string expected) =>
        Assert.Equal(D(expected), Cal.NextWorkingDay(D(date)));

    [Fact]
    public void Find_ReturnsTheNoticeRow()
    {
        Assert.Equal(new SpecialDay(D("2022-12-31"), SpecialDayKind.Holiday, "元旦"), Cal.Find(D("2022-12-31")));
        Assert.Equal(new SpecialDay(D("2025-10-11"), SpecialDayKind.Workday, "国庆节、中秋节"), Cal.Find(D("2025-10-11")));
        Assert.Null(Cal.Find(D("2024-01-02")));
    }

    [Fact]
    public void YearsWithData_AreTheFiveNotices()
    {
        Assert.Equal([2022, 2023, 2024, 2025, 2026], Cal.YearsWithData);
        Assert.True(Cal.HasDataFor(2024));
        Assert.False(Cal.HasDataFor(2021));
        Assert.Same(Cal, BusinessCalendar.Shipped);
    }
}
