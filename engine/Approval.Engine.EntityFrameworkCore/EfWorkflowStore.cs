using System.Data.Common;
using Approval.Engine.Bookmarks;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Instance state on EF Core: each burst's commit in one transaction, guarded by the instance revision.</summary>
public sealed class EfWorkflowStore(EngineDbContextFactory contexts, SqliteWriteGate gate, KeyLookups lookups) : IWorkflowStore, IDisposable
{
    private readonly SqliteGroupCommit? _groupCommit = contexts.Provider == DatabaseProvider.Sqlite ? new SqliteGroupCommit(contexts, gate) : null;

    // A case read lists its work items and journal every time: compiled, EF skips walking and hashing the query tree.
    private readonly Func<EngineDbContext, Guid, IAsyncEnumerable<WorkItem>> _workItemsOf =
        EF.CompileAsyncQuery<EngineDbContext, Guid, WorkItem>((db, id) => db.WorkItems.AsNoTracking().Where(w => w.InstanceId == id).OrderBy(w => w.CreatedAt));

    private readonly Func<EngineDbContext, Guid, IAsyncEnumerable<JournalSegmentRow>> _journalOf =
        EF.CompileAsyncQuery<EngineDbContext, Guid, JournalSegmentRow>((db, id) => db.JournalSegments.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.FirstSequence));

    public void Dispose() => _groupCommit?.Dispose();

    public async Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        if (_groupCommit is not null)
        {
            await _groupCommit.CommitAsync(commit);
            return;
        }

        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            // One batch, which PostgreSQL runs as one implicit transaction: all of the commit or none of it.
            await new SqlCommitWriter(contexts.Provider, connection).WriteAsync(commit, cancellationToken);
        }
        catch (DbException ex) when (commit.IsNew && DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException($"Instance {commit.Instance.Id} already exists.", ex);
        }
    }

    public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
        lookups.FindInstanceAsync(instanceId, cancellationToken);

    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken cancellationToken) =>
        lookups.FindBookmarkAsync(bookmarkId, cancellationToken);

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKinds.Signal && b.SignalName == signalName);
        if (correlationId is not null)
        {
            query = query.Where(b => b.CorrelationId == correlationId);
        }

        return await query.OrderBy(b => b.CreatedAt).Take(1_000).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Bookmark>> ListDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKinds.Timer && b.ResumeAt <= dueBy)
            .OrderBy(b => b.ResumeAt)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public Task<WorkItem?> FindWorkItemAsync(Guid workItemId, CancellationToken cancellationToken) =>
        lookups.FindWorkItemAsync(workItemId, cancellationToken);

    public Task<WorkItemAndInstance?> FindWorkItemAndInstanceAsync(Guid workItemId, CancellationToken cancellationToken) =>
        lookups.FindWorkItemAndInstanceAsync(workItemId, cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _workItemsOf(db, instanceId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WorkItem>> QueryWorkItemsAsync(WorkItemQuery query, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var items = db.WorkItems.AsNoTracking();
        if (query.Status is { } status)
        {
            items = items.Where(w => w.Status == status);
        }

        if (query.Assignee is { } assignee)
        {
            items = items.Where(w => w.Assignee == assignee);
        }

        if (query.Unassigned)
        {
            items = items.Where(w => w.Assignee == null);
        }

        if (query.Department is { } department)
        {
            items = query.IncludeWithoutDepartment ? items.Where(w => w.Department == department || w.Department == null) : items.Where(w => w.Department == department);
        }

        // Items with a due date first, then those without: read apart so each is a range of the (status, holder or
        // department, due) index in order that stops at the page, rather than a sort of everything one person holds.
        var due = await items.Where(w => w.DueAt != null).OrderBy(w => w.DueAt).ThenBy(w => w.CreatedAt).Take(query.Max).ToListAsync(cancellationToken);
        if (due.Count == query.Max)
        {
            return due;
        }

        var undated = await items.Where(w => w.DueAt == null).OrderBy(w => w.CreatedAt).Take(query.Max - due.Count).ToListAsync(cancellationToken);
        return [.. due, .. undated];
    }

    public async Task<IReadOnlyList<WorkflowInstance>> ListChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == parentInstanceId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var lines = new List<JournalEntry>();
        await foreach (var segment in _journalOf(db, instanceId).WithCancellation(cancellationToken))
        {
            lines.AddRange(JournalSegments.Read(segment));
        }

        return lines;
    }
}
