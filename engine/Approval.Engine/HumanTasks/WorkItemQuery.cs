namespace Approval.Engine.HumanTasks;

/// <summary>Which work items an inbox lists: by status, holder, department; oldest due first.</summary>
/// <param name="Assignee">Only items held by this user.</param>
/// <param name="Unassigned">Only items nobody holds yet (the candidates' pool).</param>
/// <param name="Department">Only items of this department (or of none, when <paramref name="IncludeWithoutDepartment"/>).</param>
public sealed record WorkItemQuery(WorkItemStatus? Status = WorkItemStatus.Open, string? Assignee = null, bool Unassigned = false, string? Department = null, bool IncludeWithoutDepartment = false, int Max = 200);
