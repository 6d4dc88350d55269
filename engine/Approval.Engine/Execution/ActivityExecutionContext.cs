using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Documents;
using Approval.Engine.Expressions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;

namespace Approval.Engine.Execution;

/// <summary>What a running activity can read and do: its inputs, the instance's variables, bookmarks, work items, the journal and the outbox.</summary>
/// <remarks>Everything an activity does here lands in the burst's commit, so it is written together with the instance or not at all.</remarks>
public sealed class ActivityExecutionContext
{
    private readonly Burst _burst;
    private readonly Activity _activity;

    internal ActivityExecutionContext(Burst burst, ActivityNode node, Activity activity)
    {
        _burst = burst;
        _activity = activity;
        Node = node;
    }

    public ActivityNode Node { get; }

    public WorkflowInstance Instance => _burst.Instance;

    public WorkflowDefinition Definition => _burst.Definition;

    /// <summary>The instant the burst runs at, from the engine's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now => _burst.Now;

    /// <summary>Who caused this burst: a user, or <c>system:…</c>.</summary>
    public string Actor => _burst.Actor;

    public CancellationToken CancellationToken => _burst.CancellationToken;

    // Inputs

    /// <summary>Evaluates an input, falling back to the descriptor's default when the definition leaves it out.</summary>
    public JsonNode? Evaluate(string inputName)
    {
        var input = Node.Input(inputName);
        if (input is null || input.IsEmpty)
        {
            return _activity.Descriptor.Inputs.FirstOrDefault(i => i.Name == inputName)?.DefaultValue?.DeepClone();
        }

        try
        {
            return _burst.Expressions.Evaluate(input, new ExpressionScope(Instance.Variables, Instance.Input));
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException($"Input '{inputName}' of activity '{Node.Id}': {ex.Message}", ex);
        }
    }

    /// <summary>Evaluates an expression that is not an input of its own (a switch case's condition, say); <paramref name="label"/> names it in errors.</summary>
    public JsonNode? EvaluateExpression(string language, string text, string label)
    {
        try
        {
            return _burst.Expressions.Evaluate(new InputValue("Object", language, JsonValue.Create(text)), new ExpressionScope(Instance.Variables, Instance.Input));
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException($"{label} of activity '{Node.Id}': {ex.Message}", ex);
        }
    }

    public string? GetString(string inputName) => InputConversions.ToText(Evaluate(inputName));

    public bool GetBoolean(string inputName) => InputConversions.ToBoolean(Evaluate(inputName), inputName);

    public int? GetInt32(string inputName) => InputConversions.ToInt32(Evaluate(inputName), inputName);

    public TimeSpan? GetDuration(string inputName) => InputConversions.ToDuration(Evaluate(inputName), inputName);

    public DateTimeOffset? GetInstant(string inputName) => InputConversions.ToInstant(Evaluate(inputName), inputName);

    public IReadOnlyList<string> GetStrings(string inputName) => InputConversions.ToStrings(Evaluate(inputName), inputName);

    public JsonObject? GetObject(string inputName) => Evaluate(inputName) switch
    {
        null => null,
        JsonObject obj => obj,
        var other => throw new FormatException($"Input '{inputName}' must be an object, not {other.ToJsonString()}."),
    };

    // Variables and per-activity data

    public JsonNode? GetVariable(string name) => Instance.Variables[name];

    public void SetVariable(string name, JsonNode? value) => Instance.Variables[name] = value?.DeepClone();

    /// <summary>Data this activity keeps between execute and resume in this instance.</summary>
    public JsonNode? GetData() => Instance.State.ActivityData.GetValueOrDefault(Node.Id);

    public void SetData(JsonNode? data)
    {
        if (data is null)
        {
            Instance.State.ActivityData.Remove(Node.Id);
        }
        else
        {
            Instance.State.ActivityData[Node.Id] = data;
        }
    }

    // Waiting

    /// <summary>Creates a bookmark this activity will wait on; return it with <see cref="ActivityResult.Wait"/>.</summary>
    /// <remarks>A timer bookmark also puts its Quartz trigger into the outbox, so the timer exists exactly when the bookmark does.</remarks>
    public Bookmark CreateBookmark(string kind, string? signalName = null, string? correlationId = null, DateTimeOffset? resumeAt = null, JsonObject? payload = null)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = Instance.Id,
            ActivityId = Node.Id,
            Kind = kind,
            SignalName = signalName,
            CorrelationId = correlationId,
            ResumeAt = resumeAt?.ToUniversalTime(),
            Payload = payload,
            CreatedAt = Now,
        };
        _burst.Commit.AddedBookmarks.Add(bookmark);
        _burst.Write(JournalEvents.BookmarkCreated, Node, new JsonObject
        {
            ["bookmarkId"] = bookmark.Id.ToString(),
            ["kind"] = kind,
            ["signal"] = signalName,
            ["resumeAt"] = bookmark.ResumeAt?.ToString("O"),
        });
        if (kind == BookmarkKinds.Timer)
        {
            if (resumeAt is null)
            {
                throw new InvalidOperationException("A timer bookmark needs the instant it falls due.");
            }

            Enqueue(OutboxKinds.ScheduleTimer, new TimerRequest(Instance.Id, bookmark.Id, bookmark.ResumeAt!.Value));
        }

        return bookmark;
    }

    /// <summary>Creates the work item people see in their inbox, tied to a <see cref="BookmarkKinds.HumanTask"/> bookmark.</summary>
    public WorkItem CreateWorkItem(Bookmark bookmark, string title, string? assignee, IReadOnlyList<string> candidateRoles, string? department, DateTimeOffset? dueAt, IReadOnlyList<string> outcomes)
    {
        var item = new WorkItem
        {
            Id = bookmark.Id,
            InstanceId = Instance.Id,
            BookmarkId = bookmark.Id,
            ActivityId = Node.Id,
            ActivityType = Node.Type,
            Title = title,
            Assignee = assignee,
            CandidateRoles = [.. candidateRoles],
            Department = department,
            DueAt = dueAt?.ToUniversalTime(),
            Outcomes = [.. outcomes],
            Status = WorkItemStatus.Open,
            CorrelationId = Instance.CorrelationId,
            CreatedAt = Now,
        };
        _burst.Commit.AddedWorkItems.Add(item);
        return item;
    }

    /// <summary>Marks the open work item of <paramref name="bookmark"/> completed with the chosen outcome, as <see cref="Actor"/>.</summary>
    public void CompleteWorkItem(Bookmark bookmark, string outcome, string? comment, JsonObject? data) =>
        _burst.CompleteWorkItem(new WorkItemCompletion(bookmark.Id, outcome, Actor, comment, data?.DeepClone() as JsonObject, Now));

    // Legal clocks

    /// <summary>The working-day calendar in force for this burst.</summary>
    public BusinessCalendar Calendar => _burst.Calendar;

    public LegalClock? FindClock(string name) => Instance.State.Clocks.GetValueOrDefault(name);

    /// <summary>Starts a legal clock in this instance (replacing a stopped one of the same name).</summary>
    /// <exception cref="ClockRuleException">A clock of that name is already running, or the limits are invalid.</exception>
    public LegalClock StartClock(string name, ClockLimits limits, DateTimeOffset startedAt, string? subject, string? department)
    {
        if (FindClock(name) is { IsStopped: false })
        {
            throw new ClockRuleException($"Clock '{name}' is already running in this case.");
        }

        var before = FindClock(name) is { } stopped ? _burst.ReadClock(stopped) : null;
        var clock = LegalClock.Start(name, limits, startedAt, Actor, Calendar, subject, department);
        Instance.State.Clocks[name] = clock;
        _burst.ClockChanged(clock, Node, before);
        return clock;
    }

    /// <summary>Changes a running clock (pause, resume, extend, stop); the change commits with this step and reschedules its escalations.</summary>
    /// <exception cref="ClockRuleException">No such clock, or the change breaks a clock rule (nothing is changed then).</exception>
    public LegalClock ChangeClock(string name, Action<LegalClock> change)
    {
        var clock = FindClock(name) ?? throw new ClockRuleException($"Clock '{name}' has not been started in this case.");
        var before = _burst.ReadClock(clock);
        change(clock);
        _burst.ClockChanged(clock, Node, before);
        return clock;
    }

    public ClockReading ReadClock(LegalClock clock) => ClockCalculator.Read(clock, Calendar, Now);

    // Documents

    /// <summary>Issues a document (already rendered): it commits with this step, immutable, with its SHA-256, and is journaled.</summary>
    public InstanceDocument IssueDocument(string kind, string title, string content, string? number = null, string? templateKey = null, int? templateVersion = null, string contentType = "text/html; charset=utf-8")
    {
        var document = new InstanceDocument
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = Instance.Id,
            Kind = kind,
            Sequence = Instance.NextJournalSequence,
            Title = title,
            Number = number,
            ContentType = contentType,
            Content = content,
            Sha256 = InstanceDocument.HashOf(content),
            TemplateKey = templateKey,
            TemplateVersion = templateVersion,
            ActivityId = Node.Id,
            CreatedAt = Now,
            CreatedBy = Actor,
        };
        _burst.Commit.Documents.Add(document);
        _burst.Write(JournalEvents.DocumentIssued, Node, new JsonObject
        {
            ["documentId"] = document.Id.ToString(),
            ["kind"] = kind,
            ["title"] = title,
            ["number"] = number,
            ["sha256"] = document.Sha256,
        });
        return document;
    }

    /// <summary>Documents issued earlier in this instance are read through the store; this lists the ones this step has issued so far.</summary>
    public IReadOnlyList<InstanceDocument> DocumentsIssuedNow => _burst.Commit.Documents;

    /// <summary>Writes a line into the instance's journal.</summary>
    public void Log(string message, JsonObject? data = null)
    {
        var entry = data ?? new JsonObject();
        entry["message"] = message;
        _burst.Write(JournalEvents.Log, Node, entry);
    }

    /// <summary>Puts work for the outside world into the outbox, to be relayed after the commit.</summary>
    public void Enqueue<T>(string kind, T payload) => _burst.Enqueue(kind, JsonSerializer.Serialize(payload, EngineJson.Options));
}
