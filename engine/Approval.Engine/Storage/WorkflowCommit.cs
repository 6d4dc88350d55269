using Approval.Engine.Bookmarks;
using Approval.Engine.Clocks;
using Approval.Engine.Documents;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;

namespace Approval.Engine.Storage;

/// <summary>Everything one burst changed, written by the store in one transaction or not at all.</summary>
public sealed class WorkflowCommit(WorkflowInstance instance, bool isNew, long expectedRevision)
{
    public WorkflowInstance Instance { get; } = instance;

    /// <summary>True when the instance row is to be inserted rather than updated.</summary>
    public bool IsNew { get; } = isNew;

    /// <summary>The revision the instance had when loaded; the update fails if another commit changed it since.</summary>
    public long ExpectedRevision { get; } = expectedRevision;

    /// <summary>When set, the commit stands only while this definition version is the published one, checked in the
    /// same transaction; otherwise the store throws <see cref="PublishedVersionChangedException"/> and writes nothing.
    /// It lets a start use the published version it remembers instead of reading it each time.</summary>
    public string? PublishedVersionId { get; set; }

    public List<Bookmark> AddedBookmarks { get; } = [];

    /// <summary>Bookmarks this burst resumed: each must still exist, or the whole commit fails (exactly-once resume).</summary>
    public List<Guid> BurnedBookmarkIds { get; } = [];

    /// <summary>Bookmarks this burst cancelled; missing ones are ignored.</summary>
    public List<Guid> RemovedBookmarkIds { get; } = [];

    public List<WorkItem> AddedWorkItems { get; } = [];

    /// <summary>Open work items this burst completed, by their bookmark.</summary>
    public List<WorkItemCompletion> CompletedWorkItems { get; } = [];

    /// <summary>Open work items whose routing changed (claimed, released, transferred, delegated); each must still be open.</summary>
    public List<WorkItemRouting> ReroutedWorkItems { get; } = [];

    /// <summary>In-app notifications this commit sends (an urge, a carbon copy), written with it.</summary>
    public List<Notification> Notifications { get; } = [];

    /// <summary>Open work items whose bookmark this burst cancelled.</summary>
    public List<Guid> CancelledWorkItemBookmarkIds { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Documents this burst issued; inserted once, never updated.</summary>
    public List<InstanceDocument> Documents { get; } = [];

    /// <summary>The queryable rows of the clocks this burst changed, upserted with the instance.</summary>
    public List<ClockRecord> Clocks { get; } = [];

    /// <summary>The instance's summary when this burst changed it; upserted with the instance.</summary>
    public Summaries.InstanceSummary? Summary { get; set; }
}
