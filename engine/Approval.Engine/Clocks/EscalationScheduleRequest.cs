namespace Approval.Engine.Clocks;

/// <summary>Put the escalation jobs of one clock at these instants, replacing older ones; all null cancels them.</summary>
/// <param name="Sequence">The clock's change count: a schedule older than the one in place is ignored, so relays out of order do no harm.</param>
public sealed record EscalationScheduleRequest(Guid InstanceId, string ClockName, int Sequence, DateTimeOffset? YellowAt, DateTimeOffset? RedAt, DateTimeOffset? CriticalAt)
{
    public DateTimeOffset? At(WarningLevel level) => level switch
    {
        WarningLevel.Yellow => YellowAt,
        WarningLevel.Red => RedAt,
        WarningLevel.Critical => CriticalAt,
        _ => null,
    };
}
