namespace Approval.Engine.Summaries;

/// <summary>The queryable one-line account of an instance that reports group and count: what it is about, whose it is, who
/// started it, where it stands. Written with the commit that changes it.</summary>
/// <remarks>
/// The engine only stores and aggregates these lines; what goes into them is the business's choice, made by the
/// registered <see cref="IInstanceSummarizer"/> (a matter's code as <see cref="Subject"/>, its case type as
/// <see cref="Category"/>, and so on). <see cref="Returned"/> is sticky in storage: once true for an instance it stays true.
/// </remarks>
public sealed record InstanceSummary
{
    public Guid InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    /// <summary>What the instance is about, as a code to group by.</summary>
    public string? Subject { get; init; }

    /// <summary>The subject's name, for people reading a report.</summary>
    public string? SubjectName { get; init; }

    /// <summary>The department that owns the instance.</summary>
    public string? Department { get; init; }

    /// <summary>Who started it (the user who received the request).</summary>
    public string? StartedBy { get; init; }

    /// <summary>A business category reports count by (e.g. a case type).</summary>
    public string? Category { get; init; }

    /// <summary>Where it stands, in the business's words.</summary>
    public string? Stage { get; init; }

    /// <summary>True once the request was sent back to the requester (refused or asked to correct), at any point.</summary>
    public bool Returned { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    // The main clock's facts, copied here so a report over a year of cases reads one index and joins nothing.

    /// <summary>True while the main clock runs (not paused, not stopped).</summary>
    public bool ClockRunning { get; init; }

    /// <summary>The main clock's committed due date, when it has started.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The day (Asia/Shanghai) the main clock stopped: the case is complete as far as its deadline goes.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Working days the main clock used, once it has stopped.</summary>
    public int? WorkingDaysUsed { get; init; }

    /// <summary>The copy with the main clock's facts filled in from <paramref name="clock"/> read at the instance's last update.</summary>
    public InstanceSummary WithClock(Clocks.LegalClock? clock, Calendar.BusinessCalendar calendar, DateTimeOffset now)
    {
        if (clock is null)
        {
            return this;
        }

        var reading = Clocks.ClockCalculator.Read(clock, calendar, now);
        return this with
        {
            ClockRunning = !clock.IsStopped && !clock.IsPaused,
            DueDate = reading.CommittedDueDate,
            ClosedOn = clock.StoppedAt is { } stoppedAt ? Calendar.ChinaTime.DateOf(stoppedAt) : null,
            WorkingDaysUsed = clock.IsStopped ? reading.WorkingDaysUsed : null,
        };
    }
}
