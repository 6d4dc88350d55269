using Approval.Engine.Calendar;

namespace Approval.Engine.Tests.Calendar;

public sealed class ChinaTimeTests
{
    [Fact]
    public void Zone_IsUtcPlusEight() =>
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void DateOf_ChangesAt1600Utc()
    {
        Assert.Equal(new DateOnly(2026, 9, 30), ChinaTime.DateOf(new DateTimeOffset(2026, 9, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 10, 1), ChinaTime.DateOf(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 10, 1), ChinaTime.DateOf(new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void StartOfDay_IsMidnightBeijing()
    {
        var start = ChinaTime.StartOfDay(new DateOnly(2026, 10, 1));

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(TimeSpan.Zero, start.TimeOfDay);
    }

    [Fact]
    public void ToLocal_KeepsTheInstant_InBeijingWallTime()
    {
        var instant = new DateTimeOffset(2026, 9, 30, 17, 30, 0, TimeSpan.Zero);
        var local = ChinaTime.ToLocal(instant);

        Assert.Equal(instant, local);
        Assert.Equal(new DateTime(2026, 10, 1, 1, 30, 0), local.DateTime);
    }
}
