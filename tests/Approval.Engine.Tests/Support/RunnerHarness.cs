using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Engine.Tests.Support;

/// <summary>Runs one instance through the runner alone, applying each commit in memory the way a store would.</summary>
public sealed class RunnerHarness
{
    private readonly List<Bookmark> _bookmarks = [];
    private readonly List<WorkItem> _workItems = [];
    private readonly List<JournalEntry> _journal = [];

    public RunnerHarness(string json, IEnumerable<Activity>? extraActivities = null, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        Expressions = new ScribanExpressionEvaluator(Clock);
        Runner = new WorkflowRunner(new ActivityRegistry(ActivityRegistry.BuiltIns.Concat(extraActivities ?? [])), Expressions, new CalendarProvider(), Clock, new Approval.Engine.Summaries.NoInstanceSummaries());
        Definition = DefinitionJson.Read(json);
        Validator = new DefinitionValidator(Runner.Registry, Expressions);
    }

    public FakeTimeProvider Clock { get; }

    public ScribanExpressionEvaluator Expressions { get; }

    public WorkflowRunner Runner { get; }

    public DefinitionValidator Validator { get; }

    public WorkflowDefinition Definition { get; }

    public WorkflowInstance Instance { get; private set; } = null!;

    public List<WorkflowCommit> Commits { get; } = [];

    public IReadOnlyList<Bookmark> Bookmarks => _bookmarks;

    public IReadOnlyList<WorkItem> WorkItems => _workItems;

    public IReadOnlyList<WorkItem> OpenWorkItems => _workItems.Where(w => w.Status == WorkItemStatus.Open).ToList();

    public IReadOnlyList<JournalEntry> Journal => _journal;

    public async Task<WorkflowCommit> StartAsync(JsonObject? input = null)
    {
        Assert.Empty(Validator.Validate(Definition));
        var instance = new WorkflowInstance { Id = Guid.NewGuid(), DefinitionId = Definition.DefinitionId, DefinitionVersionId = "test:v1", Input = input ?? [] };
        return Apply(await Runner.StartAsync(instance, Definition, "tester", CancellationToken.None));
    }

    public async Task<WorkflowCommit> ResumeAsync(Bookmark bookmark, JsonObject? payload = null, string actor = "tester") =>
        Apply(await Runner.ResumeAsync(Instance, Definition, bookmark, payload, actor, CancellationToken.None));

    public Task<WorkflowCommit> CompleteAsync(string activityId, string outcome, string actor = "tester") =>
        ResumeAsync(_bookmarks.Single(b => b.ActivityId == activityId), new JsonObject { ["outcome"] = outcome }, actor);

    public Task<WorkflowCommit> RetryAsync() => Runner.RetryAsync(Instance, Definition, "tester", CancellationToken.None).ContinueWith(t => Apply(t.Result));

    public Bookmark BookmarkOf(string activityId) => _bookmarks.Single(b => b.ActivityId == activityId);

    public int Count(string @event, string? activityId = null) => _journal.Count(j => j.Event == @event && (activityId is null || j.ActivityId == activityId));

    private WorkflowCommit Apply(WorkflowCommit commit)
    {
        Instance = commit.Instance;
        Instance.Revision++;
        _bookmarks.RemoveAll(b => commit.BurnedBookmarkIds.Contains(b.Id) || commit.RemovedBookmarkIds.Contains(b.Id));
        _bookmarks.AddRange(commit.AddedBookmarks);
        foreach (var completion in commit.CompletedWorkItems)
        {
            _workItems.Single(w => w.BookmarkId == completion.BookmarkId).Status = WorkItemStatus.Completed;
        }

        foreach (var cancelled in commit.CancelledWorkItemBookmarkIds)
        {
            _workItems.Single(w => w.BookmarkId == cancelled).Status = WorkItemStatus.Cancelled;
        }

        _workItems.AddRange(commit.AddedWorkItems);
        _journal.AddRange(commit.Journal);
        Commits.Add(commit);
        return commit;
    }
}
