using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Engine.Audit;
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
        var old = await db.CalendarDays.AsNoTracking().Where(d => d.NoticeYear == year.Year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var oldSource = await db.CalendarYears.AsNoTracking().Where(y => y.Year == year.Year).Select(y => y.Source).FirstOrDefaultAsync(cancellationToken);
        await db.CalendarDays.Where(d => d.NoticeYear == year.Year).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarYears.Where(y => y.Year == year.Year).ExecuteDeleteAsync(cancellationToken);
        Add(db, year, source, loadedBy, at);
        var before = oldSource is null && old.Count == 0 ? null : YearOf(oldSource, old.Select(ToDay));
        await AuditAppender.AppendAsync(db, contexts.Provider, new AuditRecord(AuditActions.CalendarYearLoad, $"calendar:{year.Year}", loadedBy, before, YearOf(source, year.Days)), at, cancellationToken);
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

    /// <summary>A year's notice as the audit trail keeps it: where it came from and its special days, one line each.</summary>
    private static JsonObject YearOf(string? source, IEnumerable<SpecialDay> days) => new()
    {
        ["source"] = source,
        ["days"] = new JsonArray([.. days.Select(d => JsonValue.Create($"{d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {d.Kind} {d.Name}"))]),
    };
}
