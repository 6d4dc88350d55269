using System.Globalization;

namespace Approval.Engine.Calendar;

/// <summary>Checks one notice's rows before they may change the legal clock, and says which notice a row belongs to.</summary>
/// <remarks>
/// A wrong row silently moves due dates for every case that spans it, so problems are reported in plain English, naming the
/// date, for the administrator who typed them in; all problems are returned at once rather than stopping at the first.
/// </remarks>
public static class CalendarYearRules
{
    /// <summary>The notice years accepted; anything else is almost certainly a typo.</summary>
    public const int MinYear = 2000;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    /// <summary>Returns the problems with a notice's rows; an empty list means they are valid.</summary>
    public static IReadOnlyList<string> Validate(int year, IReadOnlyList<SpecialDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var problems = new List<string>();
        var yearValid = year is >= MinYear and <= MaxYear;
        if (!yearValid)
        {
            problems.Add($"Year {year} is outside the supported range {MinYear}–{MaxYear}.");
        }

        // A notice may reach back into December of the previous year (the New Year break), never further. The clamp only keeps
        // the bounds constructible; with an unsupported year the range means nothing and is not checked.
        var first = new DateOnly(Math.Clamp(year, MinYear, MaxYear) - 1, 12, 1);
        var last = new DateOnly(Math.Clamp(year, MinYear, MaxYear), 12, 31);
        var seen = new HashSet<DateOnly>();
        var reported = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            var date = Format(day.Date);
            if (yearValid && (day.Date < first || day.Date > last))
            {
                problems.Add($"{date} is outside the {year} notice, which may only list dates from {Format(first)} to {Format(last)}.");
            }

            if (!Enum.IsDefined(day.Kind))
            {
                problems.Add($"{date} has an unknown kind ({(int)day.Kind}); it must be holiday or workday.");
            }
            else if (day.Kind == SpecialDayKind.Workday && !IsWeekend(day.Date))
            {
                problems.Add($"{date} is a {day.Date.DayOfWeek}; a swapped working day (workday) must fall on a Saturday or Sunday.");
            }

            if (!seen.Add(day.Date) && reported.Add(day.Date))
            {
                problems.Add($"{date} is listed more than once.");
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                problems.Add($"{date} has no name; name the festival it belongs to.");
            }
        }

        return problems;
    }

    /// <summary>The notice year a row belongs to: a New Year (元旦) row in December belongs to the next year's notice.</summary>
    /// <remarks>Needed to split a multi-year file into notices, so that replacing one notice replaces exactly its own rows.</remarks>
    public static int NoticeYearOf(SpecialDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Date.Month == 12 && IsNewYearName(day.Name) ? day.Date.Year + 1 : day.Date.Year;
    }

    private static bool IsNewYearName(string? name)
    {
        var trimmed = name?.Trim();
        return trimmed is "元旦"
            || string.Equals(trimmed, "New Year", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "New Year's Day", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
