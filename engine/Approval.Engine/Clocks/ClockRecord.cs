namespace Approval.Engine.Clocks;

/// <summary>The queryable copy of a clock, written with every commit that changes it: what alerts, sweeps and dashboards read.</summary>
/// <remarks>
/// The clock itself lives in the instance's state. This row holds its due dates and the instants each warning level
/// begins, so "which cases turn red before Friday" is an indexed query instead of a scan of every instance.
/// <see cref="EscalatedLevel"/> belongs to the escalator alone: commits never overwrite it.
/// </remarks>
public sealed class ClockRecord
{
    public Guid InstanceId { get; set; }

    public required string Name { get; set; }

    public required string DefinitionId { get; set; }

    public string? CorrelationId { get; set; }

    public string? Subject { get; set; }

    public string? Department { get; set; }

    public ClockStatus Status { get; set; }

    public DateOnly AcceptedOn { get; set; }

    public DateOnly CommittedDueDate { get; set; }

    public DateOnly? StatutoryDueDate { get; set; }

    /// <summary>The level when the row was written; readers recompute it from the instants below.</summary>
    public WarningLevel Level { get; set; }

    public DateTimeOffset? YellowAt { get; set; }

    public DateTimeOffset? RedAt { get; set; }

    public DateTimeOffset? CriticalAt { get; set; }

    /// <summary>The highest level already escalated; each level escalates once per clock.</summary>
    public WarningLevel EscalatedLevel { get; set; }

    /// <summary>Grows with every change of the clock, so a stale escalation schedule can be told from a fresh one.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>The day (Asia/Shanghai) the clock stopped: compared with the committed due date for on-time rates.</summary>
    public DateOnly? StoppedOn { get; set; }

    /// <summary>Working days used when the row was written; final once the clock stops.</summary>
    public int WorkingDaysUsed { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The level at <paramref name="now"/> from the stored instants (paused and stopped clocks keep their stored level).</summary>
    public WarningLevel LevelAt(DateTimeOffset now) =>
        Status != ClockStatus.Running ? Level
        : CriticalAt <= now ? WarningLevel.Critical
        : RedAt <= now ? WarningLevel.Red
        : YellowAt <= now ? WarningLevel.Yellow
        : WarningLevel.Normal;

    public static ClockRecord From(LegalClock clock, ClockReading reading, string definitionId, Guid instanceId, string? correlationId, DateTimeOffset now) => new()
    {
        InstanceId = instanceId,
        Name = clock.Name,
        DefinitionId = definitionId,
        CorrelationId = correlationId,
        Subject = clock.Subject,
        Department = clock.Department,
        Status = clock.IsStopped ? ClockStatus.Stopped : clock.IsPaused ? ClockStatus.Paused : ClockStatus.Running,
        AcceptedOn = reading.AcceptedOn,
        CommittedDueDate = reading.CommittedDueDate,
        StatutoryDueDate = reading.StatutoryDueDate,
        Level = reading.Level,
        YellowAt = reading.YellowFrom,
        RedAt = reading.RedFrom,
        CriticalAt = reading.CriticalFrom,
        Sequence = clock.History.Count,
        StartedAt = clock.StartedAt,
        StoppedAt = clock.StoppedAt,
        StoppedOn = clock.StoppedAt is { } stoppedAt ? Calendar.ChinaTime.DateOf(stoppedAt) : null,
        WorkingDaysUsed = reading.WorkingDaysUsed,
        UpdatedAt = now,
    };
}

public enum ClockStatus
{
    Running = 0,
    Paused = 1,
    Stopped = 2,
}
