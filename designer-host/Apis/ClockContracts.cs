using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.HumanTasks;

namespace Approval.DesignerHost.Apis;

/// <summary>A legal clock as the API shows it: limits, due dates, working days used and left, the level, pauses and history.</summary>
public sealed record ClockView(
    string Name,
    string? Subject,
    string? Department,
    DateTimeOffset StartedAt,
    DateOnly AcceptedOn,
    int CommittedLimitDays,
    int? StatutoryLimitDays,
    int ExtensionDays,
    DateOnly CommittedDueDate,
    DateOnly? StatutoryDueDate,
    int WorkingDaysUsed,
    int WorkingDaysRemaining,
    int PausedWorkingDays,
    bool Paused,
    bool Stopped,
    bool CalendarEstimated,
    WarningLevel WarningLevel,
    DateTimeOffset? YellowFrom,
    DateTimeOffset? RedFrom,
    DateTimeOffset? CriticalFrom,
    IReadOnlyList<ClockPause> Pauses,
    IReadOnlyList<ClockEvent> History)
{
    public static ClockView From(LegalClock clock, BusinessCalendar calendar, DateTimeOffset now)
    {
        var r = ClockCalculator.Read(clock, calendar, now);
        return new ClockView(
            clock.Name, clock.Subject, clock.Department, clock.StartedAt, r.AcceptedOn, clock.CommittedLimitDays, clock.StatutoryLimitDays, clock.ExtensionDays,
            r.CommittedDueDate, r.StatutoryDueDate, r.WorkingDaysUsed, r.WorkingDaysRemaining, r.PausedWorkingDays, r.IsPaused, r.IsStopped, r.CalendarEstimated,
            r.Level, r.YellowFrom, r.RedFrom, r.CriticalFrom, clock.Pauses, clock.History);
    }
}

/// <summary>A task's deadline as the inbox shows it: due date, working days left, and a level that is the worse of its own and its case's.</summary>
public sealed record TaskDeadline(DateOnly? DueDate, int? RemainingWorkingDays, WarningLevel WarningLevel)
{
    public static TaskDeadline For(WorkItem item, BusinessCalendar calendar, DateTimeOffset now, WarningLevel caseLevel)
    {
        if (item.LimitWorkingDays is { } limit)
        {
            var reading = ClockCalculator.ReadTask(item.CreatedAt, limit, calendar, now);
            return new TaskDeadline(reading.DueDate, reading.WorkingDaysRemaining, Worse(reading.Level, caseLevel));
        }

        if (item.DueAt is { } dueAt)
        {
            // A due instant without a working-day limit: overdue once it passes; the last instant before it is its due date.
            var dueDate = ChinaTime.DateOf(dueAt.AddTicks(-1));
            var today = ChinaTime.DateOf(now);
            var remaining = today <= dueDate ? calendar.CountWorkingDays(today, dueDate) : -calendar.CountWorkingDays(dueDate, today);
            return new TaskDeadline(dueDate, remaining, Worse(now >= dueAt ? WarningLevel.Red : WarningLevel.Normal, caseLevel));
        }

        return new TaskDeadline(null, null, caseLevel);
    }

    private static WarningLevel Worse(WarningLevel a, WarningLevel b) => a > b ? a : b;
}

/// <summary>An open clock on the supervision board.</summary>
public sealed record AlertView(
    Guid InstanceId,
    string ClockName,
    string DefinitionId,
    string? CorrelationId,
    string? Subject,
    string? Department,
    ClockStatus Status,
    WarningLevel WarningLevel,
    DateOnly AcceptedOn,
    DateOnly CommittedDueDate,
    DateOnly? StatutoryDueDate,
    int WorkingDaysRemaining)
{
    /// <param name="live">The clock read from the instance, for rows that go stale (a paused clock); the row's dates otherwise.</param>
    public static AlertView From(ClockRecord c, BusinessCalendar calendar, DateTimeOffset now, ClockReading? live = null)
    {
        if (live is not null)
        {
            return new AlertView(c.InstanceId, c.Name, c.DefinitionId, c.CorrelationId, c.Subject, c.Department, c.Status, live.Level, live.AcceptedOn, live.CommittedDueDate, live.StatutoryDueDate, live.WorkingDaysRemaining);
        }

        var today = ChinaTime.DateOf(now);
        var remaining = today <= c.CommittedDueDate ? calendar.CountWorkingDays(today, c.CommittedDueDate) : -calendar.CountWorkingDays(c.CommittedDueDate, today);
        return new AlertView(c.InstanceId, c.Name, c.DefinitionId, c.CorrelationId, c.Subject, c.Department, c.Status, c.LevelAt(now), c.AcceptedOn, c.CommittedDueDate, c.StatutoryDueDate, remaining);
    }
}
