using System.Text.Json.Serialization;
using Approval.Engine.Calendar;

namespace Approval.Engine.Clocks;

/// <summary>A case's legal clock: when it was accepted, its limits in working days, its pauses and extension, and its history.</summary>
/// <remarks>
/// Kept inside the instance's state, so every change commits with the step that caused it. Due dates are never stored
/// here: they follow from these facts and the calendar (<see cref="ClockCalculator"/>), so a holiday notice loaded later
/// moves them as the law does. The mutating methods enforce the rules and write the history.
/// </remarks>
public sealed class LegalClock
{
    /// <summary>The clock's name within its instance; a case has one clock, called <see cref="CaseClockName"/>.</summary>
    public required string Name { get; set; }

    public const string CaseClockName = "case";

    /// <summary>What the clock times, shown in alerts and escalations (e.g. the case number and matter).</summary>
    public string? Subject { get; set; }

    /// <summary>The department accountable for the deadline; its supervisor hears about red.</summary>
    public string? Department { get; set; }

    /// <summary>The instant the clock was started (receipt, or the last supplement after a one-time notice).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The acceptance date: the start date, or the next working day when that was a rest day.</summary>
    public DateOnly AcceptedOn { get; set; }

    /// <summary>The limit the law sets, in working days; null when the matter has none.</summary>
    public int? StatutoryLimitDays { get; set; }

    /// <summary>The limit the service centre promised, in working days (≤ the statutory one).</summary>
    public int CommittedLimitDays { get; set; }

    /// <summary>Working days granted by the one extension (Art. 42); zero until then.</summary>
    public int ExtensionDays { get; set; }

    public List<ClockPause> Pauses { get; set; } = [];

    public DateTimeOffset? StoppedAt { get; set; }

    public List<ClockEvent> History { get; set; } = [];

    [JsonIgnore]
    public bool IsPaused => Pauses.Exists(p => p.ResumedAt is null);

    [JsonIgnore]
    public bool IsStopped => StoppedAt is not null;

    /// <summary>Starts a clock; the acceptance date rolls forward to a working day.</summary>
    public static LegalClock Start(string name, ClockLimits limits, DateTimeOffset startedAt, string by, BusinessCalendar calendar, string? subject = null, string? department = null)
    {
        limits.Validate();
        var clock = new LegalClock
        {
            Name = name,
            Subject = subject,
            Department = department,
            StartedAt = startedAt,
            AcceptedOn = calendar.OnOrNextWorkingDay(ChinaTime.DateOf(startedAt)),
            StatutoryLimitDays = limits.StatutoryDays,
            CommittedLimitDays = limits.CommittedDays,
        };
        clock.History.Add(new ClockEvent(ClockEventKinds.Started, startedAt, by, null, $"accepted on {clock.AcceptedOn:yyyy-MM-dd}; committed {limits.CommittedDays}, statutory {limits.StatutoryDays?.ToString() ?? "none"} working days"));
        return clock;
    }

    /// <summary>Pauses the clock for a reason (a special procedure, a wait on the applicant); several pauses may overlap.</summary>
    /// <param name="key">Names this pause so that its own resume closes it (parallel procedures each pause and resume).</param>
    public void Pause(string key, DateTimeOffset at, string by, string reason)
    {
        EnsureRunning("pause");
        if (Pauses.Exists(p => p.ResumedAt is null && p.Key == key))
        {
            throw new ClockRuleException($"Clock '{Name}' is already paused for '{key}'.");
        }

        Pauses.Add(new ClockPause { Key = key, PausedAt = at, Reason = reason, PausedBy = by });
        History.Add(new ClockEvent(ClockEventKinds.Paused, at, by, reason, key));
    }

    /// <summary>Closes the pause named <paramref name="key"/>, or every open pause when it is null; returns how many closed.</summary>
    public int Resume(string? key, DateTimeOffset at, string by, string? reason)
    {
        if (IsStopped)
        {
            throw new ClockRuleException($"Clock '{Name}' has stopped; there is nothing to resume.");
        }

        var open = Pauses.Where(p => p.ResumedAt is null && (key is null || p.Key == key)).ToList();
        foreach (var pause in open)
        {
            pause.ResumedAt = at;
            pause.ResumedBy = by;
            History.Add(new ClockEvent(ClockEventKinds.Resumed, at, by, reason, pause.Key));
        }

        return open.Count;
    }

    /// <summary>Grants the one extension of Art. 42; refused a second time, once the committed due date has passed, or without an approver.</summary>
    public void Extend(int days, DateTimeOffset at, string approvedBy, string reason, BusinessCalendar calendar)
    {
        EnsureRunning("extend");
        if (days <= 0)
        {
            throw new ClockRuleException("An extension must add at least one working day.");
        }

        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            throw new ClockRuleException("An extension needs the approver who granted it.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ClockRuleException("An extension needs a reason; the applicant must be told it.");
        }

        if (ExtensionDays > 0)
        {
            throw new ClockRuleException($"Clock '{Name}' was already extended by {ExtensionDays} working days; the law allows one extension.");
        }

        var reading = ClockCalculator.Read(this, calendar, at);
        if (ChinaTime.DateOf(at) > reading.CommittedDueDate)
        {
            throw new ClockRuleException($"The due date {reading.CommittedDueDate:yyyy-MM-dd} has passed; an extension must be granted before it.");
        }

        ExtensionDays = days;
        History.Add(new ClockEvent(ClockEventKinds.Extended, at, approvedBy, reason, $"+{days} working days"));
    }

    /// <summary>Stops the clock for good (decision made, withdrawn, terminated); open pauses end with it.</summary>
    public void Stop(DateTimeOffset at, string by, string reason)
    {
        if (IsStopped)
        {
            return;
        }

        foreach (var pause in Pauses.Where(p => p.ResumedAt is null))
        {
            pause.ResumedAt = at;
            pause.ResumedBy = by;
        }

        StoppedAt = at;
        History.Add(new ClockEvent(ClockEventKinds.Stopped, at, by, reason, null));
    }

    public LegalClock Clone() => new()
    {
        Name = Name,
        Subject = Subject,
        Department = Department,
        StartedAt = StartedAt,
        AcceptedOn = AcceptedOn,
        StatutoryLimitDays = StatutoryLimitDays,
        CommittedLimitDays = CommittedLimitDays,
        ExtensionDays = ExtensionDays,
        Pauses = [.. Pauses.Select(p => p with { })],
        StoppedAt = StoppedAt,
        History = [.. History],
    };

    private void EnsureRunning(string action)
    {
        if (IsStopped)
        {
            throw new ClockRuleException($"Clock '{Name}' stopped at {StoppedAt:O}; it cannot {action}.");
        }
    }
}

/// <summary>A clock's limits in working days.</summary>
public sealed record ClockLimits(int CommittedDays, int? StatutoryDays)
{
    public void Validate()
    {
        if (CommittedDays <= 0)
        {
            throw new ClockRuleException($"The committed limit must be at least one working day, not {CommittedDays}.");
        }

        if (StatutoryDays is { } statutory && statutory < CommittedDays)
        {
            throw new ClockRuleException($"The committed limit ({CommittedDays}) may not exceed the statutory limit ({statutory}).");
        }
    }
}

/// <summary>One pause of a clock; open while <see cref="ResumedAt"/> is null.</summary>
public sealed record ClockPause
{
    public required string Key { get; init; }

    public DateTimeOffset PausedAt { get; init; }

    public required string Reason { get; init; }

    public required string PausedBy { get; init; }

    public DateTimeOffset? ResumedAt { get; set; }

    public string? ResumedBy { get; set; }
}

/// <summary>One line of a clock's history: who did what to it, when and why.</summary>
public sealed record ClockEvent(string Kind, DateTimeOffset At, string By, string? Reason, string? Detail);

public static class ClockEventKinds
{
    public const string Started = "Started";
    public const string Paused = "Paused";
    public const string Resumed = "Resumed";
    public const string Extended = "Extended";
    public const string Stopped = "Stopped";
}

/// <summary>A clock rule was broken (a second extension, an extension after the due date, a pause of a stopped clock).</summary>
public sealed class ClockRuleException(string message) : Exception(message);
