namespace Approval.Engine.Instances;

/// <summary>Where an instance is in its life.</summary>
public enum WorkflowStatus
{
    /// <summary>Work is scheduled and will run in this burst; never seen at rest unless a host died mid-burst.</summary>
    Running = 0,

    /// <summary>Every live path waits on a bookmark (task, timer, signal, child).</summary>
    Suspended = 1,

    /// <summary>Every path ended.</summary>
    Completed = 2,

    /// <summary>Stopped by a person or by a parent; its bookmarks and open work items are gone.</summary>
    Cancelled = 3,

    /// <summary>An activity threw; the incident says which, and retry runs it again.</summary>
    Faulted = 4,
}
