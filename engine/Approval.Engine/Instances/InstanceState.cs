using System.Text.Json.Nodes;
using Approval.Engine.Clocks;

namespace Approval.Engine.Instances;

/// <summary>The flowchart's tokens: what is scheduled, what waits on which bookmark, and which join inputs have arrived.</summary>
/// <remarks>Kept as one small JSON column; it holds only live work, never history (the journal has that), so it does not grow.</remarks>
public sealed class InstanceState
{
    /// <summary>Activities scheduled but not yet run. Empty at rest, except for the faulted activity of a faulted instance.</summary>
    public List<ScheduledActivity> Queue { get; set; } = [];

    /// <summary>Activities waiting on a bookmark.</summary>
    public List<WaitingActivity> Waiting { get; set; } = [];

    /// <summary>For each join with some inputs arrived: the keys of the connections that arrived.</summary>
    public Dictionary<string, List<string>> Joins { get; set; } = [];

    /// <summary>Per-activity data an activity keeps between execute and resume.</summary>
    public Dictionary<string, JsonNode?> ActivityData { get; set; } = [];

    /// <summary>The instance's legal clocks by name; they commit with the steps that start, pause, extend or stop them.</summary>
    public Dictionary<string, LegalClock> Clocks { get; set; } = [];

    public InstanceState Clone() => new()
    {
        Queue = [.. Queue],
        Waiting = [.. Waiting],
        Joins = Joins.ToDictionary(j => j.Key, j => j.Value.ToList()),
        ActivityData = ActivityData.ToDictionary(d => d.Key, d => d.Value?.DeepClone()),
        Clocks = Clocks.ToDictionary(c => c.Key, c => c.Value.Clone()),
    };
}

/// <summary>A token on its way into an activity, and the connection it came by (null for the start).</summary>
public sealed record ScheduledActivity(string ActivityId, string? ViaConnection);

/// <summary>An activity parked on a bookmark of the given kind.</summary>
/// <param name="Group">When the activity waits for whichever of several bookmarks comes first: the first bookmark's id, shared by all of them.</param>
/// <param name="Set">When the activity waits on several bookmarks that each must be resumed (countersigning): an id shared by them.</param>
public sealed record WaitingActivity(string ActivityId, Guid BookmarkId, string Kind, Guid? Group = null, Guid? Set = null);
