using System.Text.Json.Nodes;

namespace Approval.Engine.HumanTasks;

/// <summary>The human-task primitive: work for a person or a role, waiting on a bookmark until someone chooses an outcome.</summary>
public sealed class WorkItem
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid BookmarkId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The type of the activity that made the task (HumanTask, ApprovalTask, SpecialProcedure…), for the inbox.</summary>
    public string? ActivityType { get; set; }

    public required string Title { get; set; }

    public string? Assignee { get; set; }

    public List<string> CandidateRoles { get; set; } = [];

    public string? Department { get; set; }

    /// <summary>Who delegated the task (委派) to the current assignee; it returns to them once the delegate has given an opinion.</summary>
    public string? DelegatedBy { get; set; }

    /// <summary>The instant the task becomes overdue: the start of the day after its due date.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The task's own limit in working days from the day it was created (a task clock), when it has one.</summary>
    public int? LimitWorkingDays { get; set; }

    public List<string> Outcomes { get; set; } = [];

    public WorkItemStatus Status { get; set; }

    public string? Outcome { get; set; }

    public string? CompletedBy { get; set; }

    public string? Comment { get; set; }

    public JsonObject? Data { get; set; }

    public string? CorrelationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public enum WorkItemStatus
{
    Open = 0,
    Completed = 1,
    Cancelled = 2,
}
