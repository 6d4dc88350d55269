using Approval.Engine.Scheduling;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Calendar;

/// <summary>Loads holiday notices into the calendar in force: the shipped years on first run, an administrator's years later.</summary>
public sealed class CalendarService(ICalendarStore store, CalendarProvider provider, TimeProvider time, ILogger<CalendarService> logger, IBackgroundDispatcher? dispatcher = null)
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

    /// <summary>Loads every <c>*.csv</c> holiday file in <paramref name="folder"/> (columns <c>date,kind,name</c>), one notice year per group of rows.</summary>
    /// <remarks>
    /// A year is replaced only when its file changed since it was loaded (the source records the file's name and time),
    /// so every start-up may run this safely; a bad file is logged and skipped without touching what is stored.
    /// </remarks>
    public async Task<int> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Calendar import folder {Folder} does not exist; nothing imported.", folder);
            return 0;
        }

        var stored = (await store.ListYearsAsync(cancellationToken)).ToDictionary(y => y.Year, y => y.Source);
        var loaded = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var source = $"file:{Path.GetFileName(file)}@{File.GetLastWriteTimeUtc(file):yyyyMMddTHHmmssZ}";
            try
            {
                var days = CalendarCsv.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                foreach (var year in days.GroupBy(CalendarYearRules.NoticeYearOf))
                {
                    if (stored.GetValueOrDefault(year.Key) != source)
                    {
                        await ReplaceYearAsync(year.Key, [.. year], source, "system", cancellationToken);
                        loaded++;
                    }
                }
            }
            catch (CalendarFormatException ex)
            {
                logger.LogError("Calendar file {File} was not loaded: {Problems}", file, ex.Message);
            }
        }

        return loaded;
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

        // Open cases' due dates may have moved with the new notice: recompute their rows and escalations in the background.
        if (dispatcher is not null)
        {
            await dispatcher.DispatchClockReprojectionAsync(cancellationToken);
        }

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
