using Approval.Engine.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Holiday notices on EF Core: one row per special day, one per loaded year.</summary>
public sealed class EfCalendarStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : ICalendarStore
{
    public async Task<IReadOnlyList<CalendarYear>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var byYear = days.ToLookup(d => d.NoticeYear);
        return [.. years.Order().Select(y => new CalendarYear(y, [.. byYear[y].OrderBy(d => d.Date).Select(ToDay)]))];
    }

    public async Task<IReadOnlyList<CalendarYearInfo>> ListYearsAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var counts = await db.CalendarDays.AsNoTracking().GroupBy(d => new { d.NoticeYear, d.Kind }).Select(g => new { g.Key.NoticeYear, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int year, SpecialDayKind kind) => counts.Where(c => c.NoticeYear == year && c.Kind == kind.ToString()).Sum(c => c.Count);
        return [.. years.Select(y => new CalendarYearInfo(y.Year, y.Source, y.LoadedBy, y.LoadedAt, Count(y.Year, SpecialDayKind.Holiday), Count(y.Year, SpecialDayKind.Workday)))];
    }

    public async Task ReplaceYearAsync(CalendarYear year, string source, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CalendarDays.Where(d => d.NoticeYear == year.Year).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarYears.Where(y => y.Year == year.Year).ExecuteDeleteAsync(cancellationToken);
        Add(db, year, source, loadedBy, at);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> AddYearIfMissingAsync(CalendarYear year, string source, string loadedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        if (await db.CalendarYears.AnyAsync(y => y.Year == year.Year, cancellationToken))
        {
            return false;
        }

        Add(db, year, source, loadedBy, at);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another host seeded it first.
            return false;
        }
    }

    public async Task<DateTimeOffset?> LastLoadedAtAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.LoadedAt).Select(y => (DateTimeOffset?)y.LoadedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static void Add(EngineDbContext db, CalendarYear year, string source, string loadedBy, DateTimeOffset at)
    {
        db.CalendarYears.Add(new CalendarYearRow { Year = year.Year, Source = source, LoadedBy = loadedBy, LoadedAt = at });
        db.CalendarDays.AddRange(year.Days.Select(d => new CalendarDayRow { NoticeYear = year.Year, Date = d.Date, Kind = d.Kind.ToString(), Name = d.Name }));
    }

    private static SpecialDay ToDay(CalendarDayRow row) => new(row.Date, Enum.Parse<SpecialDayKind>(row.Kind), row.Name);
}
