using System.Globalization;

namespace Approval.Engine.Tests.Clocks;

/// <summary>Dates and Beijing wall-clock instants written as text, so expected values read like the holiday table.</summary>
/// <remarks>Builds +08:00 instants by hand rather than through <c>ChinaTime</c>, which is part of what the tests check.</remarks>
internal static class Beijing
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Beijing wall-clock instant written <c>yyyy-MM-dd HH:mm</c> or <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static DateTimeOffset At(string dateTime)
    {
        var local = DateTime.ParseExact(dateTime, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, Offset);
    }

    /// <summary>00:00 Beijing time on <paramref name="date"/>: when a due date's next day begins.</summary>
    public static DateTimeOffset Midnight(string date) => new(Day(date).ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>12:00 Beijing time on <paramref name="date"/>.</summary>
    public static DateTimeOffset Noon(string date) => Midnight(date).AddHours(12);

    /// <summary>An instant in any offset, written in ISO 8601 (e.g. <c>2024-09-30T15:30:00Z</c>).</summary>
    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
