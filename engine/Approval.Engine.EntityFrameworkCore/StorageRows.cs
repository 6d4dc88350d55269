namespace Approval.Engine.EntityFrameworkCore;

/// <summary>One special day of one holiday notice, as stored.</summary>
public sealed class CalendarDayRow
{
    public int NoticeYear { get; set; }

    public DateOnly Date { get; set; }

    /// <summary><c>Holiday</c> or <c>Workday</c>.</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }
}

/// <summary>A holiday notice loaded into the calendar: which year, from where, by whom.</summary>
public sealed class CalendarYearRow
{
    public int Year { get; set; }

    /// <summary><c>shipped</c> for the product's own data, <c>api</c> or <c>file:…</c> for what an administrator loaded.</summary>
    public required string Source { get; set; }

    public required string LoadedBy { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>The single row holding how far simulated time runs ahead of the real clock, shared by every host.</summary>
public sealed class SimulatedClockRow
{
    public int Id { get; set; }

    public long OffsetTicks { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
