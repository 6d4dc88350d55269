using System.Text.Json.Nodes;

namespace Approval.Engine.Scheduling;

/// <summary>A timer to fire once at <paramref name="DueAt"/>; <paramref name="BookmarkId"/> is its stable identity.</summary>
public sealed record TimerRequest(Guid InstanceId, Guid BookmarkId, DateTimeOffset DueAt);

/// <summary>Start <paramref name="DefinitionId"/> as a child; the child's id is fixed up front so a repeated dispatch cannot start two.</summary>
public sealed record StartChildRequest(Guid ChildInstanceId, Guid ParentInstanceId, Guid ParentBookmarkId, string DefinitionId, JsonObject? Input, string? CorrelationId);

/// <summary>Resume one bookmark with a payload, as <paramref name="Actor"/>.</summary>
public sealed record ResumeRequest(Guid InstanceId, Guid BookmarkId, JsonObject? Payload, string Actor);

/// <summary>Cancel an instance, as <paramref name="Actor"/>.</summary>
public sealed record CancelRequest(Guid InstanceId, string Actor, string Reason);
