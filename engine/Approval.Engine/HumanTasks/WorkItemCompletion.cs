using System.Text.Json.Nodes;

namespace Approval.Engine.HumanTasks;

/// <summary>How an open work item was completed: the outcome chosen, by whom, with what comment and data.</summary>
public sealed record WorkItemCompletion(Guid BookmarkId, string Outcome, string CompletedBy, string? Comment, JsonObject? Data, DateTimeOffset At);
