namespace Approval.Engine.Clocks;

/// <summary>What a clock says at one instant: due dates, working days used and left, the warning level and when the next levels begin.</summary>
/// <param name="WorkingDaysRemaining">Committed working days left after today; negative once overdue (working days past the due date).</param>
/// <param name="PausedWorkingDays">Working days the pauses have added to the due dates so far.</param>
/// <param name="YellowFrom">The instant yellow begins (or began), while the clock runs; null when paused or stopped.</param>
/// <param name="RedFrom">The instant red begins: the start of the day after the committed due date; null when paused or stopped.</param>
/// <param name="CriticalFrom">The start of the day after the statutory due date; null when paused, stopped or without a statutory limit.</param>
public sealed record ClockReading(
    DateOnly AcceptedOn,
    DateOnly CommittedDueDate,
    DateOnly? StatutoryDueDate,
    int WorkingDaysUsed,
    int WorkingDaysRemaining,
    int PausedWorkingDays,
    bool IsPaused,
    bool IsStopped,
    bool CalendarEstimated,
    WarningLevel Level,
    DateTimeOffset? YellowFrom,
    DateTimeOffset? RedFrom,
    DateTimeOffset? CriticalFrom)
{
    /// <summary>The instant <paramref name="level"/> begins on a running clock, or null.</summary>
    public DateTimeOffset? LevelBegins(WarningLevel level) => level switch
    {
        WarningLevel.Yellow => YellowFrom,
        WarningLevel.Red => RedFrom,
        WarningLevel.Critical => CriticalFrom,
        _ => null,
    };
}

/// <summary>What a task's own clock says: its due date, the working days left and its level (normal, yellow or red).</summary>
public sealed record TaskClockReading(DateOnly DueDate, int WorkingDaysRemaining, WarningLevel Level);
