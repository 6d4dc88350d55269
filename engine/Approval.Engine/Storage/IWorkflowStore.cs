using Approval.Engine.Bookmarks;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;

namespace Approval.Engine.Storage;

/// <summary>Reads instance state and writes bursts atomically.</summary>
public interface IWorkflowStore
{
    // Writes

    /// <summary>Writes a burst in one transaction.</summary>
    /// <exception cref="ConcurrencyConflictException">The instance changed since it was loaded.</exception>
    /// <exception cref="BookmarkGoneException">A bookmark to burn was already gone.</exception>
    /// <exception cref="DuplicateKeyException">A new instance's id is taken.</exception>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken);

    // Instances

    Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    // Bookmarks

    Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Bookmarks waiting on a signal; a null correlation id matches bookmarks of any correlation.</summary>
    Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, CancellationToken cancellationToken);

    /// <summary>Timer bookmarks due at or before <paramref name="dueBy"/>, oldest first (a safety net for lost triggers).</summary>
    Task<IReadOnlyList<Bookmark>> ListDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken);

    // Work items

    Task<WorkItem?> FindWorkItemAsync(Guid workItemId, CancellationToken cancellationToken);

    /// <summary>A work item and its instance: what completing a task starts from.</summary>
    Task<WorkItemAndInstance?> FindWorkItemAndInstanceAsync(Guid workItemId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Work items across instances for an inbox, soonest due first (items without a due date last).</summary>
    Task<IReadOnlyList<WorkItem>> QueryWorkItemsAsync(WorkItemQuery query, CancellationToken cancellationToken);

    // Journal

    /// <summary>The instances started as children of <paramref name="parentInstanceId"/>, oldest first.</summary>
    Task<IReadOnlyList<WorkflowInstance>> ListChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken);
}

/// <summary>A work item with the instance it belongs to.</summary>
public sealed record WorkItemAndInstance(WorkItem Item, WorkflowInstance Instance);
