using Approval.Engine.Clocks;
using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;

namespace Approval.DesignerHost.Apis;

// The bodies of the execution endpoints: execute, instances, signals and work items. They copy the engine's types
// rather than expose them, so the engine's internals (run state, revisions) never leak into the contract.

public sealed record ExecuteRequest(JsonObject? Input, string? CorrelationId);

public sealed record CancelRequest(string? Reason);

public sealed record ResumeRequest(JsonObject? Payload);

public sealed record SignalRequest(string? CorrelationId, JsonObject? Payload);

public sealed record CompleteWorkItemRequest(string? Outcome, string? Comment, JsonObject? Data);

/// <summary>What one step of the engine did: the instance as it now stands, the journal lines and the work items that step wrote.</summary>
public sealed record RunView(
    Guid InstanceId,
    WorkflowStatus Status,
    string DefinitionId,
    int Version,
    string? CorrelationId,
    JsonObject Variables,
    Incident? Incident,
    IReadOnlyList<JournalEntryView> Journal,
    IReadOnlyList<WorkItemView> WorkItems)
{
    public static RunView From(RunResult result) => new(
        result.Instance.Id, result.Instance.Status, result.Instance.DefinitionId, result.Instance.Version, result.Instance.CorrelationId,
        result.Instance.Variables, result.Instance.Incident,
        result.Journal.Select(JournalEntryView.From).ToList(), result.CreatedWorkItems.Select(WorkItemView.From).ToList());
}

/// <summary>An instance with everything about it: what it waits on, its work items and its journal.</summary>
public sealed record InstanceView(
    Guid Id,
    WorkflowStatus Status,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? CorrelationId,
    Guid? ParentInstanceId,
    JsonObject Input,
    JsonObject Variables,
    Incident? Incident,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<WorkItemView> WorkItems,
    IReadOnlyList<JournalEntryView> Journal,
    IReadOnlyList<ClockView> Clocks,
    WarningLevel WarningLevel);

public sealed record BookmarkView(Guid Id, string ActivityId, string Kind, string? SignalName, string? CorrelationId, DateTimeOffset? ResumeAt, DateTimeOffset CreatedAt)
{
    public static BookmarkView From(Bookmark b) => new(b.Id, b.ActivityId, b.Kind, b.SignalName, b.CorrelationId, b.ResumeAt, b.CreatedAt);
}

public sealed record WorkItemView(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string Title,
    string? Assignee,
    IReadOnlyList<string> CandidateRoles,
    string? Department,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> Outcomes,
    WorkItemStatus Status,
    string? Outcome,
    string? CompletedBy,
    string? Comment,
    JsonObject? Data,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int? LimitWorkingDays,
    DateOnly? DueDate,
    int? RemainingWorkingDays,
    WarningLevel? WarningLevel)
{
    /// <summary>The work item without its deadline reading (the answer to a run, where no calendar is at hand).</summary>
    public static WorkItemView From(WorkItem w) => From(w, null);

    public static WorkItemView From(WorkItem w, TaskDeadline? deadline) => new(
        w.Id, w.InstanceId, w.ActivityId, w.Title, w.Assignee, w.CandidateRoles, w.Department, w.DueAt, w.Outcomes,
        w.Status, w.Outcome, w.CompletedBy, w.Comment, w.Data, w.CorrelationId, w.CreatedAt, w.CompletedAt,
        w.LimitWorkingDays, deadline?.DueDate, deadline?.RemainingWorkingDays, deadline?.WarningLevel);
}

public sealed record JournalEntryView(int Sequence, DateTimeOffset At, string Event, string? ActivityId, string? ActivityType, string? Actor, JsonObject? Data)
{
    public static JournalEntryView From(JournalEntry j) => new(j.Sequence, j.At, j.Event, j.ActivityId, j.ActivityType, j.Actor, j.Data);
}

/// <summary>The answer to a signal: the instances it resumed, and where each now stands.</summary>
public sealed record SignalResult(IReadOnlyList<Guid> Resumed, IReadOnlyList<RunView> Instances);
