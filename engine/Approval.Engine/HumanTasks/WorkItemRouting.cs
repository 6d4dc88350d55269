namespace Approval.Engine.HumanTasks;

/// <summary>Who an open work item is with after an operation (claim, release, transfer, delegate, resolve): written over the row's routing fields.</summary>
public sealed record WorkItemRouting(Guid BookmarkId, string? Assignee, IReadOnlyList<string> CandidateRoles, string? Department, string? DelegatedBy);
