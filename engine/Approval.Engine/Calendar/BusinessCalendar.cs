using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Approval.Engine.Calendar;

/// <summary>Working days under Art. 82 of the Administrative Licensing Law: Monday–Friday, minus notice holidays, plus 调休 workdays.</summary>
/// <remarks>
/// Immutable once built, so one instance can serve every request and thread; new notice data means a new instance.
/// A date whose year has no notice yet is answered on the plain Monday–Friday rule and reported by <see cref="IsEstimated"/>,
/// because refusing to compute a due date would stop case handling while a wrong guess can be flagged and corrected later.
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly Lazy<BusinessCalendar> ShippedCalendar = new(() => new BusinessCalendar(CalendarCsv.Shipped()));

    private readonly int[] _years;
    private readonly FrozenDictionary<DateOnly, SpecialDay> _days;
    private readonly WorkingDayCounter _counter;

    /// <summary>Builds a calendar from whole notices; where two notices list the same date, the later notice year wins.</summary>
    /// <exception cref="ArgumentException">A notice year is given twice, or a notice breaks <see cref="CalendarYearRules"/>.</exception>
    public BusinessCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var ordered = years.OrderBy(y => y.Year).ToArray();
        var days = new Dictionary<DateOnly, SpecialDay>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var year = ordered[i];
            if (i > 0 && ordered[i - 1].Year == year.Year)
            {
                throw new ArgumentException($"The {year.Year} notice is given more than once.", nameof(years));
            }

            var problems = CalendarYearRules.Validate(year.Year, year.Days);
            if (problems.Count > 0)
            {
                throw new ArgumentException($"The {year.Year} notice is not valid: {string.Join(" ", problems)}", nameof(years));
            }

            foreach (var day in year.Days)
            {
                days[day.Date] = day;
            }
        }

        _years = ordered.Select(y => y.Year).ToArray();
        _days = days.ToFrozenDictionary();
        _counter = new WorkingDayCounter(days.Values);
        YearsWithData = new ReadOnlyCollection<int>(_years);
    }

    /// <summary>The calendar of the notices shipped with the engine (2022–2026), built on first use.</summary>
    public static BusinessCalendar Shipped => ShippedCalendar.Value;

    /// <summary>The notice years this calendar was built from, in ascending order.</summary>
    public IReadOnlyCollection<int> YearsWithData { get; }

    /// <summary>Whether the notice for <paramref name="year"/> was given.</summary>
    public bool HasDataFor(int year) => Array.BinarySearch(_years, year) >= 0;

    /// <summary>Whether answers about <paramref name="date"/> rest on the Monday–Friday rule alone, because its year's notice is missing.</summary>
    public bool IsEstimated(DateOnly date) => !HasDataFor(date.Year);

    /// <summary>The years in <paramref name="fromYear"/>..<paramref name="toYear"/> (inclusive) with no notice, for the administrator's to-do list.</summary>
    public IReadOnlyList<int> MissingYears(int fromYear, int toYear)
    {
        var missing = new List<int>();
        for (var year = fromYear; year <= toYear; year++)
        {
            if (!HasDataFor(year))
            {
                missing.Add(year);
            }
        }

        return missing;
    }

    /// <summary>The notice row for <paramref name="date"/>, if any notice lists it.</summary>
    public SpecialDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>Whether offices work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        Find(date) is { } day ? day.Kind == SpecialDayKind.Workday : WorkingDayCounter.IsMondayToFriday(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The date itself if it is a working day, else the next one: the acceptance date of a weekend or holiday receipt.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>The <paramref name="days"/>-th working day strictly after <paramref name="from"/>; the start day never counts (民法典 Art. 201).</summary>
    /// <remarks>Steps a day at a time: limits are tens of days, and due dates are computed once per case, not per query.</remarks>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        for (var i = 0; i < days; i++)
        {
            day = NextWorkingDay(day);
        }

        return day;
    }

    /// <summary>The latest working day W before <paramref name="to"/> with exactly <paramref name="days"/> working days in (W, to].</summary>
    /// <remarks>
    /// The inverse of <see cref="AddWorkingDays"/> on working days; the clock uses it to find the day from which
    /// "at most T working days remain before the due date" holds.
    /// </remarks>
    public DateOnly SubtractWorkingDays(DateOnly to, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return to;
        }

        // Walk back over the `days` working days that must lie in (W, to]; W is the working day before the earliest of them.
        var day = IsWorkingDay(to) ? to : PreviousWorkingDay(to);
        for (var i = 1; i < days; i++)
        {
            day = PreviousWorkingDay(day);
        }

        return PreviousWorkingDay(day);
    }

    /// <summary>The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; 0 when to ≤ from.</summary>
    /// <remarks>O(log n) in the number of notice rows, since supervision asks it for every open case on every query.</remarks>
    public int CountWorkingDays(DateOnly from, DateOnly to) => to <= from ? 0 : _counter.UpTo(to) - _counter.UpTo(from);

    private DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
