using System.Text.Json.Nodes;

namespace Approval.Engine.Bookmarks;

/// <summary>A wait point: an activity parked until a stimulus (task completion, timer, signal, child completion) resumes it.</summary>
/// <remarks>A bookmark row is deleted in the same transaction that resumes it; a second resume finds nothing and is a conflict.</remarks>
public sealed class Bookmark
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>One of <see cref="BookmarkKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The signal name a <see cref="BookmarkKinds.Signal"/> bookmark waits for.</summary>
    public string? SignalName { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>When a timer bookmark falls due.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    public JsonObject? Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The kinds of wait the engine knows.</summary>
public static class BookmarkKinds
{
    public const string HumanTask = "HumanTask";
    public const string Timer = "Timer";
    public const string Signal = "Signal";
    public const string ChildWorkflow = "ChildWorkflow";
}
