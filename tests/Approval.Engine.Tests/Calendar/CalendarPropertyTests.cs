using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.NoticeTable;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Laws that must hold for every date the shipped data covers, whatever the individual answers are.</summary>
public sealed class CalendarPropertyTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;
    private static readonly int[] Limits = [1, 5, 10, 20, 30];
    private static readonly DateOnly[] AllDates = Days(D("2022-01-01"), D("2026-12-31")).ToArray();

    [Fact]
    public void CountOfAdd_IsN_AndLandsOnAWorkingDay()
    {
        foreach (var date in AllDates)
        {
            foreach (var n in Limits)
            {
                var due = Cal.AddWorkingDays(date, n);
                Assert.True(n == Cal.CountWorkingDays(date, due), $"{date:yyyy-MM-dd} + {n}");
                Assert.True(ExpectedWorking(due), $"{date:yyyy-MM-dd} + {n} = {due:yyyy-MM-dd}, a rest day");
                Assert.True(n - 1 == Cal.CountWorkingDays(date, due.AddDays(-1)), $"{date:yyyy-MM-dd} + {n}: not the first such day");
            }
        }
    }

    [Fact]
    public void AddAndSubtract_RoundTripOnWorkingDays()
    {
        foreach (var date in AllDates.Where(Cal.IsWorkingDay))
        {
            foreach (var n in Limits)
            {
                Assert.True(date == Cal.AddWorkingDays(Cal.SubtractWorkingDays(date, n), n), $"add(sub({date:yyyy-MM-dd}, {n}))");
                Assert.True(date == Cal.SubtractWorkingDays(Cal.AddWorkingDays(date, n), n), $"sub(add({date:yyyy-MM-dd}, {n}))");
            }
        }
    }

    [Fact]
    public void Subtract_GivesALatestWorkingDayWithExactlyNInBetween()
    {
        foreach (var to in AllDates)
        {
            foreach (var n in Limits)
            {
                var w = Cal.SubtractWorkingDays(to, n);
                Assert.True(w < to && Cal.IsWorkingDay(w), $"sub({to:yyyy-MM-dd}, {n}) = {w:yyyy-MM-dd}");
                Assert.True(n == Cal.CountWorkingDays(w, to), $"sub({to:yyyy-MM-dd}, {n}) = {w:yyyy-MM-dd}: wrong count");
                var later = Days(w.AddDays(1), to).Where(Cal.IsWorkingDay).Where(d => Cal.CountWorkingDays(d, to) == n);
                Assert.Empty(later);
            }
        }
    }

    [Fact]
    public void Count_IsAdditive()
    {
        foreach (var a in AllDates)
        {
            var b = a.AddDays(a.DayNumber % 37);
            var c = b.AddDays(a.DayNumber % 53);
            Assert.True(Cal.CountWorkingDays(a, b) + Cal.CountWorkingDays(b, c) == Cal.CountWorkingDays(a, c), $"{a:yyyy-MM-dd} {b:yyyy-MM-dd} {c:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void Count_EqualsTheDayByDayTally()
    {
        // The O(log n) count against a running tally of the notice table, from before the data to after it.
        var origin = D("2021-11-30");
        var tally = 0;
        foreach (var date in Days(origin.AddDays(1), D("2027-02-28")))
        {
            tally += ExpectedWorking(date) ? 1 : 0;
            Assert.True(tally == Cal.CountWorkingDays(origin, date), $"(2021-11-30, {date:yyyy-MM-dd}]");
        }
    }

    [Fact]
    public void Count_LongRangeWithoutData_IsTheWeekdayCount()
    {
        // 52179 Mondays–Fridays in (1900-01-01, 2100-01-01], counted with python3's datetime.weekday().
        Assert.Equal(52179, new BusinessCalendar([]).CountWorkingDays(new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1)));
    }

    [Fact]
    public void ZeroDays_ReturnsTheDateItself_EvenOnARestDay()
    {
        Assert.Equal(D("2024-10-01"), Cal.AddWorkingDays(D("2024-10-01"), 0));
        Assert.Equal(D("2024-10-01"), Cal.SubtractWorkingDays(D("2024-10-01"), 0));
    }

    [Fact]
    public void NegativeDays_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingDays(D("2024-10-08"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.SubtractWorkingDays(D("2024-10-08"), -1));
    }
}
