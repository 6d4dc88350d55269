using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>The hot reads by key bypass EF Core; what they return must be what EF Core would have, field for field.</summary>
public abstract class KeyLookupTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 9, 1, 2, 3, 456, TimeSpan.Zero).AddTicks(7);

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task RowsWrittenByEfCore_ReadByKey_EqualEfCoresOwnReading()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider, runBackgroundServers: false));
        var contexts = host.Services.GetRequiredService<EngineDbContextFactory>();
        var lookups = host.Services.GetRequiredService<KeyLookups>();

        // One row with every optional field set and one with every optional field empty, of each kind.
        var full = FullInstance();
        var bare = BareInstance();
        var fullItem = FullWorkItem(full.Id);
        var bareItem = BareWorkItem(bare.Id);
        var fullBookmark = FullBookmark(full.Id);
        var bareBookmark = BareBookmark(bare.Id);
        var published = Version("lookup-flow", 2, published: true);
        await using (var db = contexts.Create())
        {
            db.AddRange(full, bare, fullItem, bareItem, fullBookmark, bareBookmark, Version("lookup-flow", 1, published: false), published);
            await db.SaveChangesAsync();
        }

        await using var read = contexts.Create();
        foreach (var instance in new[] { full, bare })
        {
            AssertSame(await read.Instances.AsNoTracking().SingleAsync(i => i.Id == instance.Id), await lookups.FindInstanceAsync(instance.Id, CancellationToken.None));
        }

        foreach (var item in new[] { fullItem, bareItem })
        {
            var efItem = await read.WorkItems.AsNoTracking().SingleAsync(w => w.Id == item.Id);
            AssertSame(efItem, await lookups.FindWorkItemAsync(item.Id, CancellationToken.None));
            var pair = await lookups.FindWorkItemAndInstanceAsync(item.Id, CancellationToken.None);
            AssertSame(efItem, pair!.Item);
            AssertSame(await read.Instances.AsNoTracking().SingleAsync(i => i.Id == item.InstanceId), pair.Instance);
        }

        foreach (var bookmark in new[] { fullBookmark, bareBookmark })
        {
            AssertSame(await read.Bookmarks.AsNoTracking().SingleAsync(b => b.Id == bookmark.Id), await lookups.FindBookmarkAsync(bookmark.Id, CancellationToken.None));
        }

        var header = await lookups.FindPublishedHeaderAsync("lookup-flow", CancellationToken.None);
        var efVersion = await read.DefinitionVersions.AsNoTracking().SingleAsync(d => d.Id == published.Id);
        efVersion.Json = "";
        AssertSame(efVersion, header);

        Assert.Null(await lookups.FindInstanceAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await lookups.FindWorkItemAndInstanceAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await lookups.FindPublishedHeaderAsync("no-such-flow", CancellationToken.None));
    }

    [Fact]
    public async Task ManyConcurrentReaders_WhileCommitsRun_EachSeesCommittedState()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider, runBackgroundServers: false));
        await host.PublishAsync(FlowBuilder.SingleTask("lookup-load").ToJson());
        var lookups = host.Services.GetRequiredService<KeyLookups>();

        // More readers at once than the kept connections (16), each starting an instance and reading its task back by key.
        var runs = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var started = await host.StartAsync("lookup-load", new StartOptions(CorrelationId: $"L-{i}"));
            var item = Assert.Single(started.CreatedWorkItems);
            var pair = await lookups.FindWorkItemAndInstanceAsync(item.Id, CancellationToken.None);
            Assert.Equal(started.Instance.Revision, pair!.Instance.Revision);
            Assert.Equal(WorkItemStatus.Open, pair.Item.Status);
            var completed = await host.CompleteAsync(item.Id, "Approve");
            return (item.Id, completed.Instance.Revision);
        })));

        foreach (var (itemId, revision) in runs)
        {
            var pair = await lookups.FindWorkItemAndInstanceAsync(itemId, CancellationToken.None);
            Assert.Equal(WorkItemStatus.Completed, pair!.Item.Status);
            Assert.Equal(WorkflowStatus.Completed, pair.Instance.Status);
            Assert.Equal(revision, pair.Instance.Revision);
        }
    }

    private static void AssertSame<T>(T expected, T? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(JsonSerializer.Serialize(expected, EngineJson.Options), JsonSerializer.Serialize(actual, EngineJson.Options));
    }

    private static WorkflowInstance FullInstance()
    {
        var parent = Guid.CreateVersion7(At);
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(At),
            DefinitionId = "lookup-flow",
            DefinitionVersionId = "lookup-flow:v1",
            Version = 1,
            Status = WorkflowStatus.Faulted,
            CorrelationId = "CASE-受理-1",
            ParentInstanceId = parent,
            ParentBookmarkId = Guid.CreateVersion7(At),
            Input = new JsonObject { ["申请人"] = "张三", ["amount"] = 12.5, ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "二", null) } },
            Variables = new JsonObject { ["decision"] = true },
            Incident = new Incident("review", "HumanTask", "boom", "InvalidOperationException", At),
            NextJournalSequence = 42,
            JournalHash = new string('a', 64),
            CreatedAt = At,
            UpdatedAt = At.AddSeconds(1),
            FinishedAt = At.AddDays(2),
            Revision = 7,
        };
        instance.State.Queue.Add(new ScheduledActivity("next", "c1"));
        instance.State.Waiting.Add(new WaitingActivity("review", Guid.CreateVersion7(At), BookmarkKinds.HumanTask, Guid.CreateVersion7(At)));
        instance.State.Joins["join"] = ["a", "b"];
        instance.State.ActivityData["review"] = new JsonObject { ["round"] = 2 };
        return instance;
    }

    private static WorkflowInstance BareInstance() => new()
    {
        Id = Guid.CreateVersion7(At),
        DefinitionId = "lookup-flow",
        DefinitionVersionId = "lookup-flow:v1",
        Version = 1,
        Status = WorkflowStatus.Running,
        CreatedAt = At,
        UpdatedAt = At,
    };

    private static WorkItem FullWorkItem(Guid instanceId) => new()
    {
        Id = Guid.CreateVersion7(At),
        InstanceId = instanceId,
        BookmarkId = Guid.CreateVersion7(At),
        ActivityId = "review",
        ActivityType = "ApprovalTask",
        Title = "审查 食品经营许可",
        Assignee = "reviewer",
        CandidateRoles = ["Reviewer", "Chief"],
        Department = "市场监管局",
        DelegatedBy = "chief",
        DueAt = At.AddDays(20),
        LimitWorkingDays = 5,
        Outcomes = ["Approve", "Reject"],
        Status = WorkItemStatus.Completed,
        Outcome = "Approve",
        CompletedBy = "reviewer",
        Comment = "同意",
        Data = new JsonObject { ["score"] = 9 },
        CorrelationId = "CASE-受理-1",
        CreatedAt = At,
        CompletedAt = At.AddHours(3),
    };

    private static WorkItem BareWorkItem(Guid instanceId) => new()
    {
        Id = Guid.CreateVersion7(At),
        InstanceId = instanceId,
        BookmarkId = Guid.CreateVersion7(At),
        ActivityId = "review",
        Title = "Review",
        Status = WorkItemStatus.Open,
        CreatedAt = At,
    };

    private static Bookmark FullBookmark(Guid instanceId) => new()
    {
        Id = Guid.CreateVersion7(At),
        InstanceId = instanceId,
        ActivityId = "wait",
        Kind = BookmarkKinds.Signal,
        SignalName = "supplement",
        CorrelationId = "CASE-受理-1",
        ResumeAt = At.AddDays(5),
        Payload = new JsonObject { ["materials"] = new JsonArray("M1") },
        CreatedAt = At,
    };

    private static Bookmark BareBookmark(Guid instanceId) => new()
    {
        Id = Guid.CreateVersion7(At),
        InstanceId = instanceId,
        ActivityId = "review",
        Kind = BookmarkKinds.HumanTask,
        CreatedAt = At,
    };

    private static DefinitionVersion Version(string definitionId, int version, bool published) => new()
    {
        Id = DefinitionVersion.MakeId(definitionId, version),
        DefinitionId = definitionId,
        Version = version,
        Name = "查找 flow",
        Description = published ? "the published one" : null,
        IsLatest = published,
        IsPublished = published,
        WasPublished = true,
        Json = "{}",
        CreatedAt = At,
        UpdatedAt = At.AddMinutes(version),
        PublishedAt = published ? At.AddMinutes(5) : null,
        CreatedBy = published ? "analyst" : null,
        Revision = 3,
    };
}

public sealed class SqliteKeyLookupTests : KeyLookupTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresKeyLookupTests : KeyLookupTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
