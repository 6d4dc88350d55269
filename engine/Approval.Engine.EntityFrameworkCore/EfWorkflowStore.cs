using System.Data.Common;
using Approval.Engine.Bookmarks;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Instance state on EF Core: each burst's commit in one transaction, guarded by the instance revision.</summary>
public sealed class EfWorkflowStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : IWorkflowStore, IDisposable
{
    private readonly SqliteGroupCommit? _groupCommit = contexts.Provider == DatabaseProvider.Sqlite ? new SqliteGroupCommit(contexts, gate) : null;

    // Compiled per store rather than statically: a compiled query is bound to one model, and each provider has its own.
    private readonly Func<EngineDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> _instanceById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id));

    private readonly Func<EngineDbContext, Guid, CancellationToken, Task<Bookmark?>> _bookmarkById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Bookmarks.AsNoTracking().FirstOrDefault(b => b.Id == id));

    private readonly Func<EngineDbContext, Guid, CancellationToken, Task<WorkItem?>> _workItemById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.WorkItems.AsNoTracking().FirstOrDefault(w => w.Id == id));

    private readonly Func<EngineDbContext, Guid, CancellationToken, Task<WorkItemAndInstance?>> _workItemAndInstanceById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.WorkItems.AsNoTracking()
            .Where(w => w.Id == id)
            .Join(db.Instances.AsNoTracking(), w => w.InstanceId, i => i.Id, (w, i) => new WorkItemAndInstance(w, i))
            .FirstOrDefault());

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

    public async Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _instanceById(db, instanceId, cancellationToken);
    }

    public async Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _bookmarkById(db, bookmarkId, cancellationToken);
    }

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

    public async Task<WorkItem?> FindWorkItemAsync(Guid workItemId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _workItemById(db, workItemId, cancellationToken);
    }

    public async Task<WorkItemAndInstance?> FindWorkItemAndInstanceAsync(Guid workItemId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        if (contexts.Provider == DatabaseProvider.PostgreSql)
        {
            // A server round trip costs more than the join: one query.
            return await _workItemAndInstanceById(db, workItemId, cancellationToken);
        }

        // SQLite reads in-process, where two key lookups measured cheaper than EF's shaping of a joined row.
        return await _workItemById(db, workItemId, cancellationToken) is { } item && await _instanceById(db, item.InstanceId, cancellationToken) is { } instance
            ? new WorkItemAndInstance(item, instance)
            : null;
    }

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
