using Approval.Engine.Bookmarks;

namespace Approval.Engine.Activities;

/// <summary>What an activity did: completed through some outcome ports, or parked on a bookmark.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Done { get; } = new Completed(["Done"]);

    public static ActivityResult Complete(params string[] outcomes) => new Completed(outcomes);

    public static ActivityResult Wait(Bookmark bookmark) => new Suspended(bookmark);

    /// <summary>Sends tokens out through <paramref name="outcomes"/> while the activity goes on waiting (a reminder before a deadline).</summary>
    public static ActivityResult WaitAndEmit(Bookmark bookmark, params string[] outcomes) => new Suspended(bookmark) { Emitted = outcomes };

    /// <summary>The activity finished; a token leaves through each named port.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>The activity waits for its bookmark to be resumed.</summary>
    public sealed record Suspended(Bookmark Bookmark) : ActivityResult
    {
        /// <summary>Ports a token leaves through now, although the activity itself keeps waiting.</summary>
        public IReadOnlyList<string> Emitted { get; init; } = [];
    }
}
