namespace Approval.Engine.Calendar;

/// <summary>How a notice changes a date against the plain Monday–Friday rule.</summary>
public enum SpecialDayKind
{
    /// <summary>An official day off (放假), even if it falls on a weekday.</summary>
    Holiday,

    /// <summary>A weekend day that is worked instead (调休上班), so counting runs through it.</summary>
    Workday,
}

/// <summary>One exception from a State Council holiday notice: a date, whether it is off or worked, and the festival it belongs to.</summary>
/// <remarks>The name is kept because it decides which notice a late-December date belongs to (see <see cref="CalendarYearRules.NoticeYearOf"/>).</remarks>
public sealed record SpecialDay(DateOnly Date, SpecialDayKind Kind, string Name);
