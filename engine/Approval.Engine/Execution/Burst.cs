using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;

namespace Approval.Engine.Execution;

/// <summary>One run of an instance from a stimulus until every live path waits or ends; everything it does goes into one commit.</summary>
/// <remarks>
/// Token semantics: an activity completing through a port sends a token down each connection from that port. A wait-all
/// join fires when every inbound connection has delivered, or when the ones still missing can no longer be reached from
/// any live token (so a branch that ended early never blocks it). A wait-any join fires on the first token and cancels
/// the rival work upstream of it (the race between a task and its deadline).
/// </remarks>
internal sealed class Burst
{
    /// <summary>A burst that runs this many activities without waiting is taken to be an endless loop.</summary>
    public const int MaxSteps = 10_000;

    private readonly ActivityRegistry _registry;
    private readonly HashSet<string> _changedClocks = new(StringComparer.Ordinal);
    private int _steps;

    /// <summary>The instance's status when the burst began (null for a new instance), for the before and after of the line that changes it.</summary>
    private string? _statusBefore;

    public Burst(ActivityRegistry registry, ScribanExpressionEvaluator expressions, BusinessCalendar calendar, WorkflowDefinition definition, WorkflowCommit commit, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        _registry = registry;
        Calendar = calendar;
        Expressions = expressions;
        Definition = definition;
        Commit = commit;
        Now = now;
        Actor = actor;
        CancellationToken = cancellationToken;
        _statusBefore = commit.IsNew ? null : commit.Instance.Status.ToString();
    }

    public ScribanExpressionEvaluator Expressions { get; }

    public BusinessCalendar Calendar { get; }

    public WorkflowDefinition Definition { get; }

    public WorkflowCommit Commit { get; }

    public WorkflowInstance Instance => Commit.Instance;

    public DateTimeOffset Now { get; }

    public string Actor { get; }

    public CancellationToken CancellationToken { get; }

    private InstanceState State => Instance.State;

    private FlowGraph Graph => Definition.Graph;

    public void Write(string @event, ActivityNode? node, JsonObject? data = null) =>
        Commit.Journal.Add(new JournalEntry
        {
            InstanceId = Instance.Id,
            Sequence = Instance.NextJournalSequence++,
            At = Now,
            Event = @event,
            ActivityId = node?.Id,
            ActivityType = node?.Type,
            Actor = Actor,
            Data = data,
        });

    /// <summary>Adds the status before and after to a line that ends a burst, when the burst changed it (a resume that waits again changes nothing).</summary>
    private JsonObject? WithStatusChange(JsonObject? data)
    {
        var after = Instance.Status.ToString();
        if (after == _statusBefore)
        {
            return data;
        }

        data ??= [];
        data["before"] = new JsonObject { ["status"] = _statusBefore };
        data["after"] = new JsonObject { ["status"] = after };
        _statusBefore = after;
        return data;
    }

    public void Enqueue(string kind, string payload) =>
        Commit.Outbox.Add(new OutboxMessage { Id = Guid.CreateVersion7(Now), Kind = kind, Payload = payload, CreatedAt = Now, AvailableAt = Now });

    /// <summary>Starts a new instance at its Start activity.</summary>
    public Task StartAsync()
    {
        Write(JournalEvents.InstanceStarted, null, new JsonObject { ["definitionId"] = Definition.DefinitionId, ["version"] = Definition.Version });
        var start = Definition.Root.Activities.FirstOrDefault(a => a.Type == StartActivity.TypeName);
        if (start is null)
        {
            Fault(null, new InvalidOperationException("The definition has no Start activity."));
            return Task.CompletedTask;
        }

        State.Queue.Add(new ScheduledActivity(start.Id, null));
        return RunAsync();
    }

    /// <summary>Resumes the activity parked on <paramref name="bookmark"/> and runs on from it.</summary>
    /// <exception cref="BookmarkGoneException">The instance no longer waits on that bookmark.</exception>
    /// <exception cref="InvalidStimulusException">The activity refused the payload; nothing may be committed.</exception>
    public async Task ResumeAsync(Bookmark bookmark, JsonObject? payload)
    {
        var waiting = State.Waiting.FirstOrDefault(w => w.BookmarkId == bookmark.Id) ?? throw new BookmarkGoneException(bookmark.Id);
        if (!Graph.Activities.TryGetValue(bookmark.ActivityId, out var node) || _registry.Find(node.Type) is not { } activity)
        {
            throw new InvalidOperationException($"Bookmark {bookmark.Id} points at activity '{bookmark.ActivityId}', which version {Definition.Version} does not have.");
        }

        Instance.Status = WorkflowStatus.Running;
        Commit.BurnedBookmarkIds.Add(bookmark.Id);
        State.Waiting.Remove(waiting);
        if (waiting.Group is { } group)
        {
            // The activity waited for whichever came first; this one did, so the others go.
            foreach (var sibling in State.Waiting.Where(w => w.Group == group).ToList())
            {
                CancelWaiting(sibling, asPartOfResume: true);
            }
        }

        Write(JournalEvents.BookmarkResumed, node, new JsonObject
        {
            ["bookmarkId"] = bookmark.Id.ToString(),
            ["kind"] = bookmark.Kind,
            ["payload"] = payload?.DeepClone(),
        });

        ActivityResult result;
        var mark = Mark();
        try
        {
            result = await activity.ResumeAsync(new ActivityExecutionContext(this, node, activity), new ResumeStimulus(bookmark, payload, Actor));
        }
        catch (Exception ex) when (ex is not (InvalidStimulusException or OperationCanceledException))
        {
            Rollback(mark);

            // Retry runs the activity again from the start, which makes a fresh wait.
            State.Queue.Insert(0, new ScheduledActivity(node.Id, null));
            Fault(node, ex);
            return;
        }

        try
        {
            Apply(node, result, waiting);
        }
        catch (InvalidOperationException ex)
        {
            // The activity answered with something the engine cannot do (kept waiting on nothing, jumped nowhere).
            Rollback(mark);
            State.Queue.Insert(0, new ScheduledActivity(node.Id, null));
            Fault(node, ex);
            return;
        }

        await RunAsync();
    }

    /// <summary>Runs a faulted instance again from the activity that faulted.</summary>
    public Task RetryAsync()
    {
        Instance.Incident = null;
        Write(JournalEvents.InstanceRetried, null);
        return RunAsync();
    }

    /// <summary>Cancels every live path: bookmarks, work items, timers and children go with them.</summary>
    public void Cancel(string reason)
    {
        foreach (var waiting in State.Waiting.ToList())
        {
            CancelWaiting(waiting);
        }

        State.Queue.Clear();
        State.Joins.Clear();
        State.ActivityData.Clear();
        Instance.Status = WorkflowStatus.Cancelled;
        Instance.FinishedAt = Now;
        StopClocks($"Cancelled: {reason}");
        Write(JournalEvents.InstanceCancelled, null, WithStatusChange(new JsonObject { ["reason"] = reason }));
        NotifyParent("Cancelled");
    }

    private async Task RunAsync()
    {
        Instance.Status = WorkflowStatus.Running;
        do
        {
            while (State.Queue.Count > 0)
            {
                CancellationToken.ThrowIfCancellationRequested();
                var token = State.Queue[0];
                if (!Graph.Activities.TryGetValue(token.ActivityId, out var node))
                {
                    Fault(null, new InvalidOperationException($"Activity '{token.ActivityId}' is not in version {Definition.Version}."));
                    return;
                }

                if (++_steps > MaxSteps)
                {
                    Fault(node, new InvalidOperationException($"More than {MaxSteps} activities ran without waiting; the flow loops without a wait."));
                    return;
                }

                var activity = _registry.Find(node.Type);
                if (activity is null)
                {
                    Fault(node, new InvalidOperationException($"Activity type '{node.Type}' is not registered on this host."));
                    return;
                }

                if (activity is JoinActivity)
                {
                    State.Queue.RemoveAt(0);
                    ArriveAtJoin(node, token);
                    continue;
                }

                if (!await ExecuteAsync(node, activity))
                {
                    return;
                }
            }
        }
        while (FireSettledJoin());

        Settle();
    }

    private async Task<bool> ExecuteAsync(ActivityNode node, Activity activity)
    {
        var mark = Mark();
        Write(JournalEvents.ActivityStarted, node);
        ActivityResult result;
        try
        {
            result = await activity.ExecuteAsync(new ActivityExecutionContext(this, node, activity));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Rollback(mark);
            Fault(node, ex);
            return false;
        }

        var token = State.Queue[0];
        State.Queue.RemoveAt(0);
        try
        {
            Apply(node, result);
        }
        catch (InvalidOperationException ex)
        {
            Rollback(mark);
            State.Queue.Insert(0, token);
            Fault(node, ex);
            return false;
        }

        return true;
    }

    private void Apply(ActivityNode node, ActivityResult result, WaitingActivity? resumed = null)
    {
        switch (result)
        {
            case ActivityResult.Completed completed:
                EndSet(resumed);
                Write(JournalEvents.ActivityCompleted, node, new JsonObject { ["outcomes"] = new JsonArray([.. completed.Outcomes.Select(o => JsonValue.Create(o))]) });
                SendTokens(node, completed.Outcomes);
                break;
            case ActivityResult.Suspended suspended:
                EndSet(resumed);
                Guid? group = suspended.Also.Count > 0 && !suspended.AllOf ? suspended.Bookmark.Id : null;
                Guid? set = suspended.AllOf ? suspended.Bookmark.Id : null;
                State.Waiting.Add(new WaitingActivity(node.Id, suspended.Bookmark.Id, suspended.Bookmark.Kind, group, set));
                foreach (var also in suspended.Also)
                {
                    State.Waiting.Add(new WaitingActivity(node.Id, also.Id, also.Kind, group, set));
                }

                if (suspended.Emitted.Count > 0)
                {
                    Write(JournalEvents.ActivityEmitted, node, new JsonObject { ["outcomes"] = new JsonArray([.. suspended.Emitted.Select(o => JsonValue.Create(o))]) });
                    SendTokens(node, suspended.Emitted);
                }

                break;
            case ActivityResult.StillWaiting still:
                if (resumed is null)
                {
                    throw new InvalidOperationException($"Activity '{node.Id}' asked to keep waiting although it was not resumed.");
                }

                var keepSet = resumed.Set ?? resumed.BookmarkId;
                if (still.KeepResumed)
                {
                    // An operation that decided nothing: the bookmark was not used up.
                    Commit.BurnedBookmarkIds.Remove(resumed.BookmarkId);
                    State.Waiting.Add(resumed with { Set = keepSet });
                }

                foreach (var more in still.More)
                {
                    State.Waiting.Add(new WaitingActivity(node.Id, more.Id, more.Kind, null, keepSet));
                }

                if (!State.Waiting.Any(w => w.Set == keepSet))
                {
                    throw new InvalidOperationException($"Activity '{node.Id}' kept waiting on nothing; it must complete instead.");
                }

                break;
            case ActivityResult.Jumped jumped:
                EndSet(resumed);
                if (!Graph.Activities.ContainsKey(jumped.Target))
                {
                    throw new InvalidOperationException($"Activity '{node.Id}' sent its token to '{jumped.Target}', which this version does not have.");
                }

                Write(JournalEvents.ActivityCompleted, node, new JsonObject { ["outcomes"] = new JsonArray(JsonValue.Create(jumped.Outcome)), ["goTo"] = jumped.Target });
                State.Queue.Add(new ScheduledActivity(jumped.Target, null));
                break;
            case ActivityResult.Terminated terminated:
                Write(JournalEvents.ActivityCompleted, node, new JsonObject { ["outcomes"] = new JsonArray() });
                TerminateInstance(node, terminated.Reason);
                break;
        }
    }

    /// <summary>An activity that waited on a set of bookmarks has moved on: the ones of the set still open go.</summary>
    private void EndSet(WaitingActivity? resumed)
    {
        if (resumed?.Set is not { } set)
        {
            return;
        }

        foreach (var leftover in State.Waiting.Where(w => w.Set == set).ToList())
        {
            CancelWaiting(leftover, asPartOfResume: true);
        }
    }

    private void TerminateInstance(ActivityNode node, string reason)
    {
        foreach (var waiting in State.Waiting.ToList())
        {
            CancelWaiting(waiting);
        }

        foreach (var token in State.Queue)
        {
            Write(JournalEvents.ActivityCancelled, Graph.Activities.GetValueOrDefault(token.ActivityId));
        }

        State.Queue.Clear();
        State.Joins.Clear();
        Write(JournalEvents.InstanceTerminated, node, new JsonObject { ["reason"] = reason });
    }

    private void SendTokens(ActivityNode node, IReadOnlyList<string> outcomes)
    {
        foreach (var connection in Graph.Outbound(node.Id))
        {
            if (outcomes.Contains(connection.Source.Port, StringComparer.Ordinal))
            {
                State.Queue.Add(new ScheduledActivity(connection.Target.Activity, connection.Key));
            }
        }
    }

    private void ArriveAtJoin(ActivityNode join, ScheduledActivity token)
    {
        if (!State.Joins.TryGetValue(join.Id, out var arrived))
        {
            State.Joins[join.Id] = arrived = [];
        }

        if (token.ViaConnection is { } key && !arrived.Contains(key))
        {
            arrived.Add(key);
        }

        if (JoinActivity.ModeOf(join) == JoinMode.WaitAny)
        {
            FireJoin(join, arrived.Count, cancelRivals: true);
        }
        else if (Graph.Inbound(join.Id).All(c => arrived.Contains(c.Key)))
        {
            FireJoin(join, arrived.Count, cancelRivals: false);
        }
    }

    /// <summary>Fires one waiting join whose missing inputs can no longer arrive; false when there is none.</summary>
    private bool FireSettledJoin()
    {
        foreach (var (joinId, arrived) in State.Joins)
        {
            if (!CanStillArrive(joinId, arrived))
            {
                FireJoin(Graph.Activities[joinId], arrived.Count, cancelRivals: false);
                return true;
            }
        }

        return false;
    }

    private bool CanStillArrive(string joinId, List<string> arrived)
    {
        var missingSources = Graph.Inbound(joinId).Where(c => !arrived.Contains(c.Key)).Select(c => c.Source.Activity).ToHashSet(StringComparer.Ordinal);
        if (missingSources.Count == 0)
        {
            return false;
        }

        var live = State.Waiting.Select(w => w.ActivityId)
            .Concat(State.Queue.Select(q => q.ActivityId))
            .Concat(State.Joins.Keys.Where(k => k != joinId));
        return Graph.ReachableFrom(live, stopAt: joinId).Overlaps(missingSources);
    }

    private void FireJoin(ActivityNode join, int arrivedCount, bool cancelRivals)
    {
        State.Joins.Remove(join.Id);
        if (cancelRivals)
        {
            CancelWorkUpstreamOf(join.Id);
        }

        Write(JournalEvents.ActivityStarted, join, new JsonObject { ["arrived"] = arrivedCount });
        Apply(join, ActivityResult.Done);
    }

    private void CancelWorkUpstreamOf(string joinId)
    {
        bool Reaches(string activityId) => Graph.ReachableFrom([activityId], stopAt: joinId).Contains(joinId);

        foreach (var waiting in State.Waiting.Where(w => Reaches(w.ActivityId)).ToList())
        {
            CancelWaiting(waiting);
        }

        foreach (var token in State.Queue.Where(t => Reaches(t.ActivityId)).ToList())
        {
            State.Queue.Remove(token);
            Write(JournalEvents.ActivityCancelled, Graph.Activities.GetValueOrDefault(token.ActivityId));
        }

        foreach (var otherJoin in State.Joins.Keys.Where(k => k != joinId && Reaches(k)).ToList())
        {
            State.Joins.Remove(otherJoin);
        }
    }

    private void CancelWaiting(WaitingActivity waiting, bool asPartOfResume = false)
    {
        State.Waiting.Remove(waiting);
        if (!asPartOfResume)
        {
            State.ActivityData.Remove(waiting.ActivityId);
        }
        Commit.RemovedBookmarkIds.Add(waiting.BookmarkId);
        switch (waiting.Kind)
        {
            case BookmarkKinds.Timer:
                Enqueue(OutboxKinds.CancelTimer, System.Text.Json.JsonSerializer.Serialize(new TimerRequest(Instance.Id, waiting.BookmarkId, Now), EngineJson.Options));
                break;
            case BookmarkKinds.HumanTask:
                Commit.CancelledWorkItemBookmarkIds.Add(waiting.BookmarkId);
                break;
            case BookmarkKinds.ChildWorkflow:
                // The child's id is its parent bookmark's id (see RunChildWorkflowActivity).
                Enqueue(OutboxKinds.Cancel, System.Text.Json.JsonSerializer.Serialize(new CancelRequest(waiting.BookmarkId, Actor, "The parent no longer waits for it."), EngineJson.Options));
                break;
        }

        Write(
            asPartOfResume ? JournalEvents.BookmarkCancelled : JournalEvents.ActivityCancelled,
            Graph.Activities.GetValueOrDefault(waiting.ActivityId),
            new JsonObject { ["bookmarkId"] = waiting.BookmarkId.ToString() });
    }

    private void Settle()
    {
        if (State.Queue.Count > 0 || State.Waiting.Count > 0 || State.Joins.Count > 0)
        {
            Instance.Status = WorkflowStatus.Suspended;
            Write(JournalEvents.InstanceSuspended, null, WithStatusChange(new JsonObject { ["waiting"] = State.Waiting.Count }));
            return;
        }

        Instance.Status = WorkflowStatus.Completed;
        Instance.FinishedAt = Now;
        State.ActivityData.Clear();
        StopClocks("The case's workflow completed.");
        Write(JournalEvents.InstanceCompleted, null, WithStatusChange(null));
        NotifyParent("Completed");
    }

    private void NotifyParent(string status)
    {
        if (Instance.ParentInstanceId is not { } parentId || Instance.ParentBookmarkId is not { } parentBookmark)
        {
            return;
        }

        var payload = new JsonObject { ["status"] = status, ["childInstanceId"] = Instance.Id.ToString(), ["output"] = Instance.Variables.DeepClone() };
        Enqueue(OutboxKinds.Resume, System.Text.Json.JsonSerializer.Serialize(new ResumeRequest(parentId, parentBookmark, payload, "system:child"), EngineJson.Options));
    }

    private void Fault(ActivityNode? node, Exception error)
    {
        Instance.Status = WorkflowStatus.Faulted;
        Instance.Incident = new Incident(node?.Id ?? "", node?.Type ?? "", error.Message, error.GetType().Name, Now);
        Write(JournalEvents.ActivityFaulted, node, new JsonObject { ["error"] = error.Message, ["errorType"] = error.GetType().Name });
        Write(JournalEvents.InstanceFaulted, null, WithStatusChange(null));
    }

    private (int Bookmarks, int WorkItems, int Completions, int Outbox, int Journal, int Sequence, int Documents) Mark() =>
        (Commit.AddedBookmarks.Count, Commit.AddedWorkItems.Count, Commit.CompletedWorkItems.Count, Commit.Outbox.Count, Commit.Journal.Count, Instance.NextJournalSequence, Commit.Documents.Count);

    /// <summary>Drops what a failed activity had added, so a fault leaves no half-made wait behind.</summary>
    private void Rollback((int Bookmarks, int WorkItems, int Completions, int Outbox, int Journal, int Sequence, int Documents) mark)
    {
        Truncate(Commit.Documents, mark.Documents);
        Truncate(Commit.AddedBookmarks, mark.Bookmarks);
        Truncate(Commit.AddedWorkItems, mark.WorkItems);
        Truncate(Commit.CompletedWorkItems, mark.Completions);
        Truncate(Commit.Outbox, mark.Outbox);
        Truncate(Commit.Journal, mark.Journal);
        Instance.NextJournalSequence = mark.Sequence;
    }

    private static void Truncate<T>(List<T> list, int count)
    {
        if (list.Count > count)
        {
            list.RemoveRange(count, list.Count - count);
        }
    }

    internal void CompleteWorkItem(WorkItemCompletion completion) => Commit.CompletedWorkItems.Add(completion);

    /// <summary>Notes that a clock changed: journals its latest history line and, at <see cref="FlushClocks"/>, rewrites its row and escalations.</summary>
    /// <param name="before">The clock's reading before the change; null when it was just started.</param>
    internal void ClockChanged(LegalClock clock, ActivityNode? node, ClockReading? before)
    {
        _changedClocks.Add(clock.Name);
        var last = clock.History.Count > 0 ? clock.History[^1] : null;
        Write(JournalEvents.ClockChanged, node, new JsonObject
        {
            ["clock"] = clock.Name,
            ["event"] = last?.Kind,
            ["reason"] = last?.Reason,
            ["detail"] = last?.Detail,
            ["before"] = DueDatesOf(before),
            ["after"] = DueDatesOf(ClockCalculator.Read(clock, Calendar, Now)),
        });
    }

    internal ClockReading ReadClock(LegalClock clock) => ClockCalculator.Read(clock, Calendar, Now);

    private static JsonObject? DueDatesOf(ClockReading? reading) => reading is null ? null : new JsonObject
    {
        ["committedDueDate"] = reading.CommittedDueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["statutoryDueDate"] = reading.StatutoryDueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["state"] = reading.IsStopped ? "stopped" : reading.IsPaused ? "paused" : "running",
    };

    /// <summary>Adds the changed clocks' rows and escalation schedules to the commit; called once, after the burst ran.</summary>
    internal void FlushClocks()
    {
        foreach (var name in _changedClocks)
        {
            var clock = State.Clocks[name];
            var reading = ClockCalculator.Read(clock, Calendar, Now);
            var record = ClockRecord.From(clock, reading, Definition.DefinitionId, Instance.Id, Instance.CorrelationId, Now);
            Commit.Clocks.Add(record);
            var schedule = new EscalationScheduleRequest(Instance.Id, name, record.Sequence, reading.YellowFrom, reading.RedFrom, reading.CriticalFrom);
            Enqueue(OutboxKinds.ScheduleEscalations, System.Text.Json.JsonSerializer.Serialize(schedule, EngineJson.Options));
        }

        _changedClocks.Clear();
    }

    private void StopClocks(string reason)
    {
        foreach (var clock in State.Clocks.Values.Where(c => !c.IsStopped))
        {
            var before = ReadClock(clock);
            clock.Stop(Now, Actor, reason);
            ClockChanged(clock, null, before);
        }
    }
}
