namespace Approval.Bench;

/// <summary>A clock the preloader sets before each step, so history rows carry past instants as if made then.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
