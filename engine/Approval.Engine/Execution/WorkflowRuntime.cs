using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Execution;

/// <summary>The engine's front door: start, resume, signal, complete work items, cancel and retry, each as one atomic commit.</summary>
/// <remarks>
/// Every operation loads, runs a burst on a copy and commits with the loaded revision. When another host committed
/// first, the operation reloads and runs again; when the bookmark it wanted is gone by then, it is a conflict. That is
/// what makes a resume exactly-once across threads and hosts.
/// </remarks>
public sealed class WorkflowRuntime(
    IWorkflowStore store,
    IDefinitionStore definitions,
    DefinitionCache cache,
    WorkflowRunner runner,
    TimeProvider clock,
    IOutboxNotifier notifier,
    ILogger<WorkflowRuntime> logger)
{
    private const int MaxAttempts = 25;

    /// <summary>How often a start looks the published version up again when a publish keeps overtaking it.</summary>
    private const int MaxPublishedLookups = 5;

    public async Task<RunResult> StartAsync(string definitionId, StartOptions options, CancellationToken cancellationToken)
    {
        if (options.VersionId is { } pinned)
        {
            return await StartOnVersionAsync(pinned, options, requirePublished: false, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var versionId = await cache.PublishedVersionIdAsync(definitionId, cancellationToken) ?? throw await NotRunnableAsync(definitionId, cancellationToken);
            try
            {
                return await StartOnVersionAsync(versionId, options, requirePublished: true, cancellationToken);
            }
            catch (PublishedVersionChangedException ex)
            {
                // Published or retracted since this host remembered it (here or on another host): look it up again.
                cache.ForgetPublished(definitionId, versionId);
                if (attempt == MaxPublishedLookups)
                {
                    throw new WorkflowConflictException($"Definition '{definitionId}' kept being republished during the start: {ex.Message}");
                }
            }
        }
    }

    private async Task<RunResult> StartOnVersionAsync(string versionId, StartOptions options, bool requirePublished, CancellationToken cancellationToken)
    {
        var definition = await cache.GetAsync(versionId, cancellationToken) ?? throw new WorkflowNotFoundException($"Definition version '{versionId}' does not exist.");
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = options.InstanceId ?? Guid.CreateVersion7(now),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = versionId,
            Version = definition.Version,
            CorrelationId = options.CorrelationId,
            Input = options.Input?.DeepClone() as JsonObject ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await StartInstanceAsync(instance, definition, options.Actor, requirePublished ? versionId : null, cancellationToken);
    }

    /// <summary>Starts a child for a parent's bookmark; a second dispatch of the same request starts nothing.</summary>
    public async Task<RunResult?> StartChildAsync(StartChildRequest request, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(request.ChildInstanceId, cancellationToken) is not null)
        {
            return null;
        }

        if (await store.FindBookmarkAsync(request.ParentBookmarkId, cancellationToken) is null)
        {
            // The parent stopped waiting (cancelled, or its path was cancelled) before the child could start.
            return null;
        }

        var version = await definitions.FindPublishedAsync(request.DefinitionId, cancellationToken);
        if (version is null)
        {
            // Nothing to run: tell the parent at once rather than leave it waiting for ever.
            logger.LogWarning("Child definition {DefinitionId} has no published version; failing parent {ParentId}.", request.DefinitionId, request.ParentInstanceId);
            await ResumeIfWaitingAsync(new ResumeRequest(request.ParentInstanceId, request.ParentBookmarkId, new JsonObject { ["status"] = "Faulted", ["error"] = $"'{request.DefinitionId}' has no published version." }, "system:child"), cancellationToken);
            return null;
        }

        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = request.ChildInstanceId,
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            Version = version.Version,
            CorrelationId = request.CorrelationId,
            ParentInstanceId = request.ParentInstanceId,
            ParentBookmarkId = request.ParentBookmarkId,
            Input = request.Input?.DeepClone() as JsonObject ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            return await StartInstanceAsync(instance, cache.Get(version), "system:child", publishedVersionId: null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return null;
        }
    }

    /// <summary>Resumes one bookmark exactly once.</summary>
    /// <exception cref="WorkflowConflictException">The bookmark was already resumed or cancelled.</exception>
    public Task<RunResult> ResumeAsync(Guid bookmarkId, JsonObject? payload, string actor, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            var bookmark = await store.FindBookmarkAsync(bookmarkId, cancellationToken)
                ?? throw new WorkflowConflictException($"Bookmark {bookmarkId} is not waiting: it was already resumed or cancelled, or never existed.");
            return await ResumeOnceAsync(bookmark, payload, actor, cancellationToken);
        });

    /// <summary>Resumes a bookmark if it still waits; used by idempotent background handlers (timers, child completions).</summary>
    public async Task<RunResult?> ResumeIfWaitingAsync(ResumeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ResumeAsync(request.BookmarkId, request.Payload, request.Actor, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            return null;
        }
    }

    /// <summary>Resumes every bookmark waiting on the signal (and correlation id, when given).</summary>
    public async Task<IReadOnlyList<RunResult>> SignalAsync(string signalName, string? correlationId, JsonObject? payload, string actor, CancellationToken cancellationToken)
    {
        var bookmarks = await store.FindSignalBookmarksAsync(signalName, correlationId, cancellationToken);
        var results = new List<RunResult>();
        foreach (var bookmark in bookmarks)
        {
            try
            {
                results.Add(await ResumeAsync(bookmark.Id, payload, actor, cancellationToken));
            }
            catch (WorkflowConflictException)
            {
                // Resumed by someone else between the lookup and now: theirs counts.
            }
        }

        return results;
    }

    /// <summary>Completes an open work item with one of its outcomes.</summary>
    public Task<RunResult> CompleteWorkItemAsync(Guid workItemId, string outcome, string? comment, JsonObject? data, string actor, CancellationToken cancellationToken) =>
        ResumeWorkItemAsync(workItemId, new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["data"] = data?.DeepClone() }, actor, cancellationToken);

    /// <summary>Hands an open work item's activity a payload: a decision, or an operation the activity itself handles (adding a signer).</summary>
    public async Task<RunResult> ResumeWorkItemAsync(Guid workItemId, JsonObject payload, string actor, CancellationToken cancellationToken)
    {
        var (item, loaded) = await store.FindWorkItemAndInstanceAsync(workItemId, cancellationToken) ?? throw new WorkflowNotFoundException($"Work item {workItemId} does not exist.");
        if (item.Status != WorkItemStatus.Open)
        {
            throw new WorkflowConflictException($"Work item {workItemId} is already {item.Status.ToString().ToLowerInvariant()}.");
        }

        if (item.DelegatedBy is { } delegator)
        {
            throw new WorkflowConflictException($"Work item {workItemId} was delegated by '{delegator}': the delegate gives an opinion and resolves it back; '{delegator}' decides.");
        }

        // The work item says everything the task's bookmark holds, so the bookmark need not be read; the commit still
        // deletes its row, which is what makes the completion exactly-once.
        var bookmark = new Bookmark
        {
            Id = item.BookmarkId,
            InstanceId = item.InstanceId,
            ActivityId = item.ActivityId,
            Kind = BookmarkKinds.HumanTask,
            CorrelationId = item.CorrelationId,
            CreatedAt = item.CreatedAt,
        };
        try
        {
            // The first attempt runs on the instance read with the work item; a retry after a lost race reads it afresh.
            return await WithRetriesAsync(() =>
            {
                var instance = loaded;
                loaded = null;
                return ResumeOnceAsync(bookmark, payload, actor, cancellationToken, instance);
            });
        }
        catch (WorkflowConflictException)
        {
            throw new WorkflowConflictException($"Work item {workItemId} was completed or cancelled by someone else first.");
        }
    }

    /// <summary>Claims, releases, transfers, delegates, resolves, urges or copies an open task, journaled with the actor and comment.</summary>
    /// <remarks>The flow does not move: only the task's routing changes, or notifications go out, in one commit with the journal line.</remarks>
    /// <exception cref="WorkflowConflictException">The task is not open, or the operation does not fit its state.</exception>
    public Task<WorkItem> OperateWorkItemAsync(Guid workItemId, WorkItemOperation operation, string actor, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            var item = await store.FindWorkItemAsync(workItemId, cancellationToken) ?? throw new WorkflowNotFoundException($"Work item {workItemId} does not exist.");
            if (item.Status != WorkItemStatus.Open)
            {
                throw new WorkflowConflictException($"Work item {workItemId} is already {item.Status.ToString().ToLowerInvariant()}.");
            }

            var instance = await store.FindInstanceAsync(item.InstanceId, cancellationToken) ?? throw new WorkflowNotFoundException($"Instance {item.InstanceId} does not exist.");
            var now = clock.GetUtcNow();
            var commit = new WorkflowCommit(instance.Clone(), isNew: false, expectedRevision: instance.Revision);
            commit.Instance.UpdatedAt = now;
            var routed = WorkItemOperations.Apply(item, operation, actor, now, commit);
            commit.Journal.Add(new Journal.JournalEntry
            {
                InstanceId = instance.Id,
                Sequence = commit.Instance.NextJournalSequence++,
                At = now,
                Event = Journal.JournalEvents.WorkItemOperated,
                ActivityId = item.ActivityId,
                Actor = actor,
                Data = new JsonObject
                {
                    ["workItemId"] = item.Id.ToString(),
                    ["operation"] = operation.Kind.ToString(),
                    ["target"] = operation.Target,
                    ["recipients"] = operation.Recipients is null ? null : new JsonArray([.. operation.Recipients.Select(r => JsonValue.Create(r))]),
                    ["comment"] = operation.Comment,
                    ["assignee"] = routed.Assignee,
                    ["before"] = RoutingOf(item),
                    ["after"] = RoutingOf(routed),
                },
            });
            await CommitAsync(commit, cancellationToken);
            return routed;
        });

    private static JsonObject RoutingOf(WorkItem item) =>
        new() { ["status"] = item.Status.ToString(), ["assignee"] = item.Assignee, ["delegatedBy"] = item.DelegatedBy };

    private async Task<RunResult> ResumeOnceAsync(Bookmark bookmark, JsonObject? payload, string actor, CancellationToken cancellationToken, WorkflowInstance? loaded = null)
    {
        var (instance, definition) = loaded is null ? await LoadAsync(bookmark.InstanceId, cancellationToken) : (loaded, await DefinitionOfAsync(loaded, cancellationToken));
        try
        {
            var commit = await runner.ResumeAsync(instance, definition, bookmark, payload, actor, cancellationToken);
            return await CommitAsync(commit, cancellationToken);
        }
        catch (BookmarkGoneException)
        {
            // Another resume committed between our reading the bookmark and the instance.
            throw new WorkflowConflictException($"Bookmark {bookmark.Id} is not waiting: it was already resumed or cancelled.");
        }
    }

    public Task<RunResult> CancelAsync(Guid instanceId, string actor, string reason, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            var (instance, definition) = await LoadAsync(instanceId, cancellationToken);
            if (instance.IsFinished)
            {
                throw new WorkflowConflictException($"Instance {instanceId} is already {instance.Status.ToString().ToLowerInvariant()}.");
            }

            return await CommitAsync(runner.Cancel(instance, definition, actor, reason), cancellationToken);
        });

    public Task<RunResult> RetryAsync(Guid instanceId, string actor, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            var (instance, definition) = await LoadAsync(instanceId, cancellationToken);
            if (instance.Status != WorkflowStatus.Faulted)
            {
                throw new WorkflowConflictException($"Instance {instanceId} is {instance.Status.ToString().ToLowerInvariant()}, not faulted; only a faulted instance can be retried.");
            }

            return await CommitAsync(await runner.RetryAsync(instance, definition, actor, cancellationToken), cancellationToken);
        });

    private async Task<RunResult> StartInstanceAsync(WorkflowInstance instance, WorkflowDefinition definition, string actor, string? publishedVersionId, CancellationToken cancellationToken)
    {
        var commit = await runner.StartAsync(instance, definition, actor, cancellationToken);
        commit.PublishedVersionId = publishedVersionId;
        return await CommitAsync(commit, cancellationToken);
    }

    private async Task<(WorkflowInstance, WorkflowDefinition)> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await store.FindInstanceAsync(instanceId, cancellationToken) ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
        return (instance, await DefinitionOfAsync(instance, cancellationToken));
    }

    private async Task<WorkflowDefinition> DefinitionOfAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await cache.GetAsync(instance.DefinitionVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Instance {instance.Id} runs on version '{instance.DefinitionVersionId}', which is missing.");

    private async Task<RunResult> CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        // Every commit goes through here, so every journal line is chained; a retried attempt builds a new commit and chains again.
        Journal.JournalChain.Seal(commit);
        try
        {
            await store.CommitAsync(commit, cancellationToken);
        }
        catch (BookmarkGoneException ex)
        {
            throw new WorkflowConflictException(ex.Message);
        }

        if (commit.Outbox.Count > 0)
        {
            notifier.Notify();
        }

        return new RunResult(commit.Instance, commit.Journal, commit.AddedWorkItems);
    }

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (i < MaxAttempts)
            {
                // Another commit won the race; reload and run again on what it left.
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(i, 10)));
            }
            catch (ConcurrencyConflictException ex)
            {
                throw new WorkflowConflictException($"The instance kept changing under {MaxAttempts} attempts: {ex.Message}");
            }
        }
    }

    private async Task<Exception> NotRunnableAsync(string definitionId, CancellationToken cancellationToken) =>
        await definitions.FindLatestAsync(definitionId, cancellationToken) is null
            ? new WorkflowNotFoundException($"Definition '{definitionId}' does not exist.")
            : new WorkflowConflictException($"Definition '{definitionId}' has no published version; publish it first.");
}
