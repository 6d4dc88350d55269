namespace Approval.Engine.Time;

/// <summary>Real time shifted forward by an offset that demos and tests move on; durations and timers still run at real speed.</summary>
/// <remarks>
/// Everything that reads the clock (runner, calendar, escalations, Quartz) goes through the one <see cref="TimeProvider"/>,
/// so moving the offset moves them all. The offset only grows: a clock that ran backwards would un-fire timers.
/// </remarks>
public sealed class SimulatedTimeProvider(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>Takes an offset read from the store; one smaller than the current offset is ignored.</summary>
    public void Observe(TimeSpan offset)
    {
        var ticks = offset.Ticks;
        long current;
        do
        {
            current = Interlocked.Read(ref _offsetTicks);
            if (ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _offsetTicks, ticks, current) != current);
    }
}
