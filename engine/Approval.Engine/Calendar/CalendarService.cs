using Microsoft.Extensions.Logging;

namespace Approval.Engine.Calendar;

/// <summary>Loads holiday notices into the calendar in force: the shipped years on first run, an administrator's years later.</summary>
public sealed class CalendarService(ICalendarStore store, CalendarProvider provider, TimeProvider time, ILogger<CalendarService> logger)
{
    private DateTimeOffset? _loadedStamp;

    /// <summary>Seeds the shipped notice years that the database lacks, loads every stored year, and logs the years with no data.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var year in CalendarCsv.Shipped())
        {
            if (await store.AddYearIfMissingAsync(year, "shipped", "system", now, cancellationToken))
            {
                logger.LogInformation("Calendar: loaded the shipped holiday notice for {Year} ({Days} special days).", year.Year, year.Days.Count);
            }
        }

        await ReloadAsync(cancellationToken);
        var calendar = provider.Current;
        var thisYear = ChinaTime.DateOf(now).Year;
        var first = calendar.YearsWithData.Count > 0 ? Math.Min(calendar.YearsWithData.Min(), thisYear) : thisYear;
        var gaps = calendar.MissingYears(first, thisYear + 1);
        if (gaps.Count > 0)
        {
            logger.LogWarning(
                "Calendar gap: no holiday notice loaded for {Years}. Dates there count Monday–Friday as working days and are flagged as estimated; load the notice with PUT /api/calendar/years/{{year}}.",
                string.Join(", ", gaps));
        }
    }

    /// <summary>Reloads when another host loaded a year since this one last looked.</summary>
    public async Task ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        if (await store.LastLoadedAtAsync(cancellationToken) != _loadedStamp)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    /// <summary>Validates and stores one notice year, replacing what was there, then puts the new calendar in force.</summary>
    /// <exception cref="CalendarFormatException">The year's days break a rule; nothing is stored.</exception>
    public async Task<CalendarYearInfo> ReplaceYearAsync(int year, IReadOnlyList<SpecialDay> days, string source, string loadedBy, CancellationToken cancellationToken)
    {
        var problems = CalendarYearRules.Validate(year, days);
        if (problems.Count > 0)
        {
            throw new CalendarFormatException(problems);
        }

        await store.ReplaceYearAsync(new CalendarYear(year, [.. days.OrderBy(d => d.Date)]), source, loadedBy, time.GetUtcNow(), cancellationToken);
        await ReloadAsync(cancellationToken);
        logger.LogInformation("Calendar: {User} loaded the holiday notice for {Year} from {Source} ({Days} special days).", loadedBy, year, source, days.Count);
        return (await store.ListYearsAsync(cancellationToken)).Single(y => y.Year == year);
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var stamp = await store.LastLoadedAtAsync(cancellationToken);
        var years = await store.LoadAsync(cancellationToken);
        provider.Replace(new BusinessCalendar(years));
        _loadedStamp = stamp;
    }
}
