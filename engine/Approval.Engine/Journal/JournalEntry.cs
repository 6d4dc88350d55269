using System.Text.Json.Nodes;

namespace Approval.Engine.Journal;

/// <summary>One line of an instance's append-only execution log; (instance, sequence) is unique, so a line can never be written twice.</summary>
public sealed class JournalEntry
{
    public Guid InstanceId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="JournalEvents"/>.</summary>
    public required string Event { get; set; }

    public string? ActivityId { get; set; }

    public string? ActivityType { get; set; }

    /// <summary>Who caused it: a user name, or <c>system:timer</c>, <c>system:signal</c> and so on.</summary>
    public string? Actor { get; set; }

    public JsonObject? Data { get; set; }

    /// <summary>SHA-256 (hex) over this line and the previous line's hash (see <see cref="JournalChain"/>); null on lines written before the chain existed.</summary>
    public string? Hash { get; set; }
}

/// <summary>The events the journal records.</summary>
public static class JournalEvents
{
    public const string InstanceStarted = "InstanceStarted";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivityEmitted = "ActivityEmitted";
    public const string ActivityFaulted = "ActivityFaulted";
    public const string ActivityCancelled = "ActivityCancelled";
    public const string BookmarkCreated = "BookmarkCreated";
    public const string BookmarkResumed = "BookmarkResumed";
    public const string Log = "Log";
    public const string InstanceSuspended = "InstanceSuspended";
    public const string InstanceCompleted = "InstanceCompleted";
    public const string InstanceCancelled = "InstanceCancelled";
    public const string InstanceFaulted = "InstanceFaulted";
    public const string InstanceRetried = "InstanceRetried";
    public const string ClockChanged = "ClockChanged";
    public const string DocumentIssued = "DocumentIssued";
    public const string BookmarkCancelled = "BookmarkCancelled";
    public const string WorkItemOperated = "WorkItemOperated";
    public const string InstanceTerminated = "InstanceTerminated";
}
