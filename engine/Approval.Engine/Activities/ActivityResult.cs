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

    /// <summary>Waits for whichever of several bookmarks comes first (a supplement or its deadline); resuming one cancels the others.</summary>
    public static ActivityResult WaitForFirst(Bookmark first, params Bookmark[] others) => new Suspended(first) { Also = others };

    /// <summary>Waits on several bookmarks that each must be resumed (one task per countersigner); the activity decides when it is done.</summary>
    /// <remarks>Resume each with <see cref="KeepWaiting"/> until the activity completes; completing cancels whatever of the set is left.</remarks>
    public static ActivityResult WaitForAll(Bookmark first, params Bookmark[] others) => new Suspended(first) { Also = others, AllOf = true };

    /// <summary>After a resume, goes on waiting: on the rest of its set, on the resumed bookmark itself when <paramref name="keepResumed"/> (an operation that decided nothing), and on <paramref name="more"/>.</summary>
    public static ActivityResult KeepWaiting(bool keepResumed, params Bookmark[] more) => new StillWaiting(keepResumed, more);

    /// <summary>Completes through <paramref name="outcome"/> but sends the token back to an earlier activity instead of along the port (退回).</summary>
    public static ActivityResult GoTo(string activityId, string outcome) => new Jumped(activityId, outcome);

    /// <summary>Ends the whole instance now: every other path, wait and task is cancelled, and the instance completes.</summary>
    public static ActivityResult Terminate(string reason) => new Terminated(reason);

    /// <summary>The activity finished; a token leaves through each named port.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>The activity waits for its bookmark to be resumed.</summary>
    public sealed record Suspended(Bookmark Bookmark) : ActivityResult
    {
        /// <summary>Ports a token leaves through now, although the activity itself keeps waiting.</summary>
        public IReadOnlyList<string> Emitted { get; init; } = [];

        /// <summary>Further bookmarks the activity waits on at the same time; the first one resumed cancels the rest.</summary>
        public IReadOnlyList<Bookmark> Also { get; init; } = [];

        /// <summary>True when every bookmark of the set is to be resumed (see <see cref="WaitForAll"/>), not just the first.</summary>
        public bool AllOf { get; init; }

        /// <summary>Returns a copy that also sends tokens out through <paramref name="outcomes"/>.</summary>
        public Suspended Emitting(params string[] outcomes) => this with { Emitted = outcomes };
    }

    /// <summary>The activity goes on waiting after a resume (see <see cref="KeepWaiting"/>).</summary>
    public sealed record StillWaiting(bool KeepResumed, IReadOnlyList<Bookmark> More) : ActivityResult;

    /// <summary>The activity completed and its token goes to <paramref name="Target"/> (see <see cref="GoTo"/>).</summary>
    public sealed record Jumped(string Target, string Outcome) : ActivityResult;

    /// <summary>The activity ends the instance (a case terminated, withdrawn or refused), whatever else is still running.</summary>
    public sealed record Terminated(string Reason) : ActivityResult;
}
