using System.Text.Json.Nodes;
using Approval.Engine.Clocks;

namespace Approval.Workflows.Applications;

/// <summary>A case (办件) as the contract shows it: status, dates, its legal clock, tasks, timeline and documents.</summary>
public sealed record ApplicationView(
    Guid Id,
    string? CaseNumber,
    string? MatterCode,
    string? MatterName,
    int MatterVersion,
    string Status,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? AcceptedAt,
    DateOnly? StatutoryDueDate,
    DateOnly? CommittedDueDate,
    JsonArray MissingMaterials,
    WarningLevel WarningLevel,
    ApplicationClock? Clock,
    IReadOnlyList<ApplicationTask> Tasks,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ApplicationDocument> Documents)
{
    /// <summary>For a one-thing package: its code; null for a matter's case.</summary>
    public string? PackageCode { get; init; }

    /// <summary>For a one-thing package: its matters' own cases; null for a matter's case.</summary>
    public IReadOnlyList<PackageMember>? Members { get; init; }
}

/// <summary>One matter's case inside a one-thing package.</summary>
public sealed record PackageMember(Guid Id, string? CaseNumber, string? MatterCode, string? MatterName, string Status, DateOnly? CommittedDueDate);

public sealed record ApplicationClock(int WorkingDaysUsed, int WorkingDaysRemaining, bool Paused, int PausedWorkingDays, int ExtensionDays, IReadOnlyList<ClockPause> Pauses, IReadOnlyList<ClockEvent> History);

public sealed record ApplicationTask(Guid Id, string Title, string? ActivityType, string? Assignee, IReadOnlyList<string> CandidateRoles, string? Department, string Status, string? Outcome, string? CompletedBy, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

public sealed record TimelineEntry(DateTimeOffset At, string Event, string? ActivityId, string? ActivityType, string? Actor, JsonObject? Detail);

public sealed record ApplicationDocument(Guid Id, string Kind, string Title, string? Number, string Sha256, DateTimeOffset CreatedAt);
