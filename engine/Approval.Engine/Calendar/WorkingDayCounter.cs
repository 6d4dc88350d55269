namespace Approval.Engine.Calendar;

/// <summary>Counts working days from a fixed origin in O(log n): a closed-form Monday–Friday count corrected by notice rows.</summary>
/// <remarks>
/// Only rows that change a date's status carry a correction (-1 for a holiday on a weekday, +1 for a workday on a weekend),
/// so a holiday that falls on a Sunday costs nothing and the count stays right whatever the rows say.
/// </remarks>
internal sealed class WorkingDayCounter
{
    private readonly DateOnly[] _dates;
    private readonly int[] _prefix;

    public WorkingDayCounter(IEnumerable<SpecialDay> days)
    {
        var corrections = days
            .Select(d => (d.Date, Delta: Correction(d)))
            .Where(c => c.Delta != 0)
            .OrderBy(c => c.Date)
            .ToArray();
        _dates = corrections.Select(c => c.Date).ToArray();
        _prefix = new int[corrections.Length + 1];
        for (var i = 0; i < corrections.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + corrections[i].Delta;
        }
    }

    /// <summary>Monday–Friday, the rule for any date no notice mentions.</summary>
    public static bool IsMondayToFriday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The number of working days from 0001-01-01 to <paramref name="date"/>, both included.</summary>
    /// <remarks>Only differences of two results mean anything; the origin just makes them cheap.</remarks>
    public int UpTo(DateOnly date)
    {
        var index = Array.BinarySearch(_dates, date);
        var rowsUpTo = index >= 0 ? index + 1 : ~index;
        return WeekdaysUpTo(date) + _prefix[rowsUpTo];
    }

    /// <summary>Mondays to Fridays from 0001-01-01 (a Monday, so day number % 7 is 0 on Mondays) to <paramref name="date"/>.</summary>
    private static int WeekdaysUpTo(DateOnly date)
    {
        var days = date.DayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    private static int Correction(SpecialDay day) => (day.Kind, IsMondayToFriday(day.Date)) switch
    {
        (SpecialDayKind.Holiday, true) => -1,
        (SpecialDayKind.Workday, false) => 1,
        _ => 0,
    };
}
