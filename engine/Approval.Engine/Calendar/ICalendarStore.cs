namespace Approval.Engine.Calendar;

/// <summary>Where the holiday notices live, so that every host reads the same calendar and an administrator's load survives restarts.</summary>
public interface ICalendarStore
{
    Task<IReadOnlyList<CalendarYear>> LoadAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<CalendarYearInfo>> ListYearsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces one notice year as a whole, in one transaction.</summary>
    Task ReplaceYearAsync(CalendarYear year, string source, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Adds a notice year only if none is stored for it (first-run seeding from several hosts at once).</summary>
    Task<bool> AddYearIfMissingAsync(CalendarYear year, string source, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The latest load of any year, to tell a host its copy is stale.</summary>
    Task<DateTimeOffset?> LastLoadedAtAsync(CancellationToken cancellationToken);
}

/// <summary>A stored notice year: where it came from and how many special days it has.</summary>
public sealed record CalendarYearInfo(int Year, string Source, string LoadedBy, DateTimeOffset LoadedAt, int Holidays, int Workdays);
