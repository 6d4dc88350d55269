namespace Approval.Engine.Calendar;

/// <summary>The rows of one State Council notice, the unit in which holiday data is published, replaced and checked.</summary>
/// <remarks>
/// <paramref name="Year"/> is the notice year, not the calendar year of every row: the notice for Y may name dates at the end
/// of December of Y-1 (2022-12-31 is in the 2023 notice), so data is loaded and replaced a whole notice at a time.
/// </remarks>
public sealed record CalendarYear(int Year, IReadOnlyList<SpecialDay> Days);
