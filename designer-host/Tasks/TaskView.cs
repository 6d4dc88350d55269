using Approval.DesignerHost.Apis;
using Approval.Engine.Clocks;
using Approval.Engine.HumanTasks;

namespace Approval.DesignerHost.Tasks;

/// <summary>A task as the inbox lists it (the contract's fields, plus who delegated it and its limit).</summary>
public sealed record TaskView(
    Guid Id,
    Guid ApplicationId,
    string? CaseNumber,
    string Title,
    string? ActivityType,
    string ActivityId,
    string? Assignee,
    IReadOnlyList<string> CandidateRoles,
    string? Department,
    string? DelegatedBy,
    WorkItemStatus Status,
    DateOnly? DueDate,
    int? RemainingWorkingDays,
    WarningLevel? WarningLevel,
    IReadOnlyList<string> AllowedOutcomes,
    DateTimeOffset CreatedAt)
{
    public static TaskView From(WorkItem w, TaskDeadline? deadline) => new(
        w.Id, w.InstanceId, w.CorrelationId, w.Title, w.ActivityType, w.ActivityId, w.Assignee, w.CandidateRoles, w.Department, w.DelegatedBy, w.Status,
        deadline?.DueDate, deadline?.RemainingWorkingDays, deadline?.WarningLevel, w.Outcomes, w.CreatedAt);
}
