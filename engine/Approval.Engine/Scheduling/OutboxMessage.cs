namespace Approval.Engine.Scheduling;

/// <summary>Work a commit causes in the outside world (Quartz, Hangfire), written in the same transaction and relayed afterwards.</summary>
/// <remarks>Every handler is idempotent: a message relayed twice (a crash after relaying, before marking) changes nothing the second time.</remarks>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="OutboxKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The message body as JSON; its shape depends on <see cref="Kind"/>.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the relay may next try it; failed messages back off.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

public static class OutboxKinds
{
    /// <summary>Schedule the Quartz trigger of a timer bookmark (<see cref="TimerRequest"/>).</summary>
    public const string ScheduleTimer = "ScheduleTimer";

    /// <summary>Remove the Quartz trigger of a timer bookmark that was cancelled (<see cref="TimerRequest"/>).</summary>
    public const string CancelTimer = "CancelTimer";

    /// <summary>Start a child instance for a parent's bookmark (<see cref="StartChildRequest"/>).</summary>
    public const string StartChild = "StartChild";

    /// <summary>Resume a bookmark in the background, e.g. the parent of a finished child (<see cref="ResumeRequest"/>).</summary>
    public const string Resume = "Resume";

    /// <summary>Cancel an instance in the background, e.g. the children of a cancelled parent (<see cref="CancelRequest"/>).</summary>
    public const string Cancel = "Cancel";

    /// <summary>Replace the SLA escalation jobs of one clock (<see cref="Clocks.EscalationScheduleRequest"/>).</summary>
    public const string ScheduleEscalations = "ScheduleEscalations";
}
