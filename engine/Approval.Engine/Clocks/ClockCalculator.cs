using Approval.Engine.Calendar;

namespace Approval.Engine.Clocks;

/// <summary>Reads clocks against the working-day calendar, following the legal-clock rules (docs/legal-clock.md).</summary>
public static class ClockCalculator
{
    /// <summary>Working days left at or below which a case turns yellow: max(1, ⌈20% of the committed limit⌉).</summary>
    public static int YellowThreshold(int committedLimitDays) => Math.Max(1, (committedLimitDays + 4) / 5);

    /// <summary>The due date N working days after <paramref name="acceptedOn"/> (which never counts).</summary>
    public static DateOnly DueDate(BusinessCalendar calendar, DateOnly acceptedOn, int workingDays) => calendar.AddWorkingDays(acceptedOn, workingDays);

    /// <summary>Reads the clock at <paramref name="now"/>; a stopped clock reads as it stood when it stopped.</summary>
    public static ClockReading Read(LegalClock clock, BusinessCalendar calendar, DateTimeOffset now)
    {
        var at = clock.StoppedAt is { } stopped && stopped < now ? stopped : now;
        var today = ChinaTime.DateOf(at);
        var paused = PausedWorkingDays(clock, calendar, at);
        var extra = clock.ExtensionDays + paused;
        var committedDue = calendar.AddWorkingDays(clock.AcceptedOn, clock.CommittedLimitDays + extra);
        DateOnly? statutoryDue = clock.StatutoryLimitDays is { } statutory ? calendar.AddWorkingDays(clock.AcceptedOn, statutory + extra) : null;
        var used = Math.Max(0, calendar.CountWorkingDays(clock.AcceptedOn, today) - paused);
        var remaining = Remaining(calendar, today, committedDue);
        var level = LevelOn(today, remaining, committedDue, statutoryDue, clock.CommittedLimitDays);

        DateTimeOffset? yellowFrom = null, redFrom = null, criticalFrom = null;
        var running = !clock.IsStopped && !clock.IsPaused;
        if (running)
        {
            // While the clock runs the pause shift is fixed, so each level begins at a known instant; a pause moves
            // them all, which is why escalations are rescheduled at every pause, resume and extension.
            var yellowDay = calendar.SubtractWorkingDays(committedDue, YellowThreshold(clock.CommittedLimitDays));
            yellowFrom = Max(ChinaTime.StartOfDay(yellowDay), clock.StartedAt);
            redFrom = ChinaTime.StartOfDay(committedDue.AddDays(1));
            criticalFrom = statutoryDue is { } s ? ChinaTime.StartOfDay(s.AddDays(1)) : null;
        }

        var estimated = calendar.IsEstimated(clock.AcceptedOn) || calendar.IsEstimated(committedDue) || (statutoryDue is { } sd && calendar.IsEstimated(sd));
        return new ClockReading(clock.AcceptedOn, committedDue, statutoryDue, used, remaining, paused, clock.IsPaused, clock.IsStopped, estimated, level, yellowFrom, redFrom, criticalFrom);
    }

    /// <summary>Reads a task's own limit: due N working days after the day it was created.</summary>
    public static TaskClockReading ReadTask(DateTimeOffset createdAt, int limitDays, BusinessCalendar calendar, DateTimeOffset now)
    {
        var due = calendar.AddWorkingDays(ChinaTime.DateOf(createdAt), limitDays);
        var today = ChinaTime.DateOf(now);
        var remaining = Remaining(calendar, today, due);
        return new TaskClockReading(due, remaining, LevelOn(today, remaining, due, null, limitDays));
    }

    /// <summary>Working days the pauses add: the working days d with date(pause) &lt; d ≤ date(resume), overlapping pauses counted once.</summary>
    public static int PausedWorkingDays(LegalClock clock, BusinessCalendar calendar, DateTimeOffset at)
    {
        if (clock.Pauses.Count == 0)
        {
            return 0;
        }

        // Pause intervals as (from, to] date ranges, clipped to start at the acceptance date (days before it never count).
        var intervals = clock.Pauses
            .Select(p => (From: Max(ChinaTime.DateOf(p.PausedAt), clock.AcceptedOn), To: ChinaTime.DateOf(Min(p.ResumedAt ?? at, at))))
            .Where(i => i.To > i.From)
            .OrderBy(i => i.From)
            .ToList();
        var total = 0;
        DateOnly? currentFrom = null, currentTo = null;
        foreach (var (from, to) in intervals)
        {
            if (currentTo is { } end && from < end)
            {
                currentTo = to > end ? to : end;
                continue;
            }

            if (currentFrom is { } f && currentTo is { } t)
            {
                total += calendar.CountWorkingDays(f, t);
            }

            (currentFrom, currentTo) = (from, to);
        }

        if (currentFrom is { } lastFrom && currentTo is { } lastTo)
        {
            total += calendar.CountWorkingDays(lastFrom, lastTo);
        }

        return total;
    }

    private static int Remaining(BusinessCalendar calendar, DateOnly today, DateOnly due) =>
        today <= due ? calendar.CountWorkingDays(today, due) : -calendar.CountWorkingDays(due, today);

    private static WarningLevel LevelOn(DateOnly today, int remaining, DateOnly committedDue, DateOnly? statutoryDue, int committedLimit)
    {
        if (statutoryDue is { } statutory && today > statutory)
        {
            return WarningLevel.Critical;
        }

        if (today > committedDue)
        {
            return WarningLevel.Red;
        }

        return remaining <= YellowThreshold(committedLimit) ? WarningLevel.Yellow : WarningLevel.Normal;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
