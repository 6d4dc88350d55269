namespace Approval.Engine.Calendar;

/// <summary>Beijing time, the one clock in which legal days begin and end (a case is overdue from 00:00 Asia/Shanghai after its due date).</summary>
/// <remarks>
/// Instants are stored in UTC; every conversion to a legal date goes through here so the whole engine agrees on where a day
/// starts. Containers without tz data still get the right answer from a fixed +08:00 zone: China has kept +08:00 with no
/// daylight saving since 1991.
/// </remarks>
public static class ChinaTime
{
    private static readonly TimeSpan FixedOffset = TimeSpan.FromHours(8);

    /// <summary>Asia/Shanghai, or a fixed +08:00 zone where the system has no time-zone data.</summary>
    public static TimeZoneInfo Zone { get; } = LoadZone();

    /// <summary>The Beijing calendar date on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>00:00 Beijing time on <paramref name="date"/>, with the Beijing offset (+08:00).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary><paramref name="instant"/> as Beijing wall-clock time, with its offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo LoadZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai (fixed +08:00)", FixedOffset, "China Standard Time", "China Standard Time");
        }
    }
}
