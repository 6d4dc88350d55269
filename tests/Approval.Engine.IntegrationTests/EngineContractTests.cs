using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>What the engine promises, run against each real database the product supports.</summary>
public abstract class EngineContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    private Task<EngineHost> StartHostAsync(bool background = true) => TestDatabases.NewAsync(Provider, background).ContinueWith(t => EngineHost.StartAsync(t.Result)).Unwrap();

    [Fact]
    public async Task SingleTask_StartAndComplete_InstanceCompletesWithJournalInOrder()
    {
        await using var host = await StartHostAsync();
        await host.PublishAsync(FlowBuilder.SingleTask("single").ToJson());

        var started = await host.StartAsync("single", new StartOptions(CorrelationId: "CASE-1"));
        Assert.Equal(WorkflowStatus.Suspended, started.Instance.Status);
        var item = Assert.Single(started.CreatedWorkItems);
        Assert.Equal(["Approve", "Reject"], item.Outcomes);

        var completed = await host.CompleteAsync(item.Id, "Approve", actor: "reviewer");
        Assert.Equal(WorkflowStatus.Completed, completed.Instance.Status);

        var journal = await host.Store.ReadJournalAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, journal.Count), journal.Select(j => j.Sequence));
        Assert.Equal(JournalEvents.InstanceStarted, journal[0].Event);
        Assert.Equal(JournalEvents.InstanceCompleted, journal[^1].Event);
        Assert.Contains(journal, j => j.Event == JournalEvents.BookmarkResumed && j.Actor == "reviewer");
        var stored = await host.Store.FindWorkItemAsync(item.Id, CancellationToken.None);
        Assert.Equal(WorkItemStatus.Completed, stored!.Status);
        Assert.Equal("Approve", stored.Outcome);
        Assert.Equal("reviewer", stored.CompletedBy);
        Assert.Empty(await host.Store.ListBookmarksAsync(started.Instance.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentResumes_OfOneBookmark_ExactlyOneWins()
    {
        await using var host = await StartHostAsync(background: false);
        await host.PublishAsync(FlowBuilder.SingleTask("race").ToJson());
        var started = await host.StartAsync("race");
        var item = Assert.Single(started.CreatedWorkItems);

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await host.CompleteAsync(item.Id, i % 2 == 0 ? "Approve" : "Reject", actor: $"user{i}");
                return true;
            }
            catch (WorkflowConflictException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        var journal = await host.Store.ReadJournalAsync(started.Instance.Id, CancellationToken.None);
        Assert.Single(journal, j => j.Event == JournalEvents.BookmarkResumed);
        Assert.Single(journal, j => j.Event == JournalEvents.InstanceCompleted);
    }

    [Fact]
    public async Task NewVersionPublished_WhileOldInstancesWait_OldInstancesFinishOnTheirVersion()
    {
        await using var host = await StartHostAsync(background: false);
        await host.PublishAsync(FlowBuilder.SingleTask("versioned", title: "v1 审批").ToJson());
        var onV1 = await host.StartAsync("versioned");

        var v2 = new FlowBuilder("versioned")
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", "v2 审批"), ("candidateRoles", new JsonArray("Approver")), ("outcomes", new JsonArray("Done")))
            .Activity("end", "End")
            .Chain("start", "task", "end");
        var published = await host.PublishAsync(v2.ToJson());
        Assert.Equal(2, published.Version);

        var onV2 = await host.StartAsync("versioned");
        Assert.Equal(2, onV2.Instance.Version);
        Assert.Equal("v2 审批", Assert.Single(onV2.CreatedWorkItems).Title);

        // The v1 instance still offers v1's outcomes and finishes on v1's graph.
        var v1Item = Assert.Single(onV1.CreatedWorkItems);
        Assert.Equal("v1 审批", v1Item.Title);
        var finished = await host.CompleteAsync(v1Item.Id, "Approve");
        Assert.Equal(WorkflowStatus.Completed, finished.Instance.Status);
        Assert.Equal(1, finished.Instance.Version);
        Assert.Equal("versioned:v1", finished.Instance.DefinitionVersionId);
    }

    [Fact]
    public async Task PublishOrRetractOnAnotherHost_NextStartHereFollowsIt()
    {
        var options = await TestDatabases.NewAsync(Provider, runBackgroundServers: false);
        await using var here = await EngineHost.StartAsync(options);
        await using var other = await EngineHost.StartAsync(options);
        await here.PublishAsync(FlowBuilder.SingleTask("moving", title: "v1 审批").ToJson());
        Assert.Equal(1, (await here.StartAsync("moving")).Instance.Version);

        // This host remembers v1 as published; the other host publishes v2, then retracts it, without telling it.
        await other.PublishAsync(FlowBuilder.SingleTask("moving", title: "v2 审批").ToJson());
        var onV2 = await here.StartAsync("moving");
        Assert.Equal("moving:v2", onV2.Instance.DefinitionVersionId);
        Assert.Equal("v2 审批", Assert.Single(onV2.CreatedWorkItems).Title);

        await other.InScopeAsync(sp => sp.GetRequiredService<WorkflowDefinitionService>().RetractAsync("moving", "tester", CancellationToken.None));
        var refused = await Assert.ThrowsAsync<WorkflowConflictException>(() => here.StartAsync("moving", new StartOptions(CorrelationId: "AFTER-RETRACT")));
        Assert.Contains("no published version", refused.Message);
        await using var db = here.Services.GetRequiredService<EngineDbContextFactory>().Create();
        Assert.False(await db.Instances.AnyAsync(i => i.CorrelationId == "AFTER-RETRACT"));
    }

    [Fact]
    public async Task StartCommit_OnAVersionNoLongerPublished_WritesNothing()
    {
        await using var host = await StartHostAsync(background: false);
        await host.PublishAsync(FlowBuilder.SingleTask("guarded", title: "v1").ToJson());
        await host.PublishAsync(FlowBuilder.SingleTask("guarded", title: "v2").ToJson());
        var runtime = host.Services.GetRequiredService<WorkflowRunner>();
        var cache = host.Services.GetRequiredService<Approval.Engine.Definitions.DefinitionCache>();
        var v1 = (await cache.GetAsync("guarded:v1", CancellationToken.None))!;

        // A start planned on v1 while v2 is the published one: the store refuses the whole commit.
        var instance = new WorkflowInstance { Id = Guid.CreateVersion7(), DefinitionId = "guarded", DefinitionVersionId = "guarded:v1", Version = 1 };
        var commit = await runtime.StartAsync(instance, v1, "tester", CancellationToken.None);
        commit.PublishedVersionId = "guarded:v1";
        var refused = await Assert.ThrowsAsync<Approval.Engine.Storage.PublishedVersionChangedException>(() => host.Store.CommitAsync(commit, CancellationToken.None));
        Assert.Equal("guarded:v1", refused.VersionId);
        Assert.Null(await host.Store.FindInstanceAsync(instance.Id, CancellationToken.None));
        Assert.Empty(await host.Store.ListWorkItemsAsync(instance.Id, CancellationToken.None));
        Assert.Empty(await host.Store.ReadJournalAsync(instance.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ForkJoin_OneBranchEndsEarly_JoinFiresWhenTheOtherArrives()
    {
        await using var host = await StartHostAsync(background: false);
        var flow = new FlowBuilder("fork-join")
            .Activity("start", "Start")
            .Activity("fork", "Fork")
            .Activity("check", "Decision", ("condition", FlowBuilder.Scriban("false")))
            .Activity("early-end", "End")
            .Activity("task", "HumanTask", ("title", "复核"), ("assignee", "reviewer"))
            .Activity("join", "Join", ("mode", "WaitAll"))
            .Activity("after", "Log", ("message", "joined"))
            .Activity("end", "End")
            .Connect("start", "fork")
            .Connect("fork", "check")
            .Connect("fork", "task")
            .Connect("check", "join", "True")
            .Connect("check", "early-end", "False")
            .Connect("task", "join", "Approve")
            .Connect("task", "join", "Reject")
            .Chain("join", "after", "end");
        await host.PublishAsync(flow.ToJson());

        var started = await host.StartAsync("fork-join");
        Assert.Equal(WorkflowStatus.Suspended, started.Instance.Status);
        var done = await host.CompleteAsync(Assert.Single(started.CreatedWorkItems).Id, "Approve");

        Assert.Equal(WorkflowStatus.Completed, done.Instance.Status);
        var journal = await host.Store.ReadJournalAsync(started.Instance.Id, CancellationToken.None);
        Assert.Single(journal, j => j.Event == JournalEvents.ActivityCompleted && j.ActivityId == "join");
        Assert.Single(journal, j => j.Event == JournalEvents.Log && j.ActivityId == "after");
    }

    [Fact]
    public async Task ChildWorkflow_Completes_ResumesParentWithItsOutput()
    {
        await using var host = await StartHostAsync();
        var childJson = new FlowBuilder("child").Variable("verdict", "pending")
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", "子流程审批"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("set", "SetVariable", ("variable", "verdict"), ("value", FlowBuilder.Scriban("'ok-' + input.applicant")))
            .Activity("end", "End")
            .Connect("start", "task")
            .Connect("task", "set", "Approve")
            .Connect("task", "end", "Reject")
            .Connect("set", "end");
        await host.PublishAsync(childJson.ToJson());
        var parent = new FlowBuilder("parent").Variable("childResult")
            .Activity("start", "Start")
            .Activity("run", "RunChildWorkflow", ("definitionId", "child"), ("input", FlowBuilder.Expression("Object", new JsonObject { ["applicant"] = "张三" })), ("resultVariable", "childResult"))
            .Activity("end", "End")
            .Chain("start", "run", "end");
        await host.PublishAsync(parent.ToJson());

        var started = await host.StartAsync("parent", new StartOptions(CorrelationId: "CASE-CHILD"));
        Assert.Equal(WorkflowStatus.Suspended, started.Instance.Status);

        // The child starts from the outbox through Hangfire; its id is the parent's bookmark id.
        var bookmark = Assert.Single(await host.Store.ListBookmarksAsync(started.Instance.Id, CancellationToken.None));
        Assert.Equal(BookmarkKinds.ChildWorkflow, bookmark.Kind);
        Assert.True(await EngineHost.EventuallyAsync(async () => await host.Store.FindInstanceAsync(bookmark.Id, CancellationToken.None) is not null), "the child never started");
        var childItem = Assert.Single(await host.Store.ListWorkItemsAsync(bookmark.Id, CancellationToken.None));
        await host.CompleteAsync(childItem.Id, "Approve");

        Assert.True(await EngineHost.EventuallyAsync(async () =>
            (await host.Store.FindInstanceAsync(started.Instance.Id, CancellationToken.None))!.Status == WorkflowStatus.Completed), "the parent was never resumed");
        var parentAfter = await host.Store.FindInstanceAsync(started.Instance.Id, CancellationToken.None);
        Assert.Equal("ok-张三", parentAfter!.Variables["childResult"]!["verdict"]!.GetValue<string>());
        var childAfter = await host.Store.FindInstanceAsync(bookmark.Id, CancellationToken.None);
        Assert.Equal(started.Instance.Id, childAfter!.ParentInstanceId);
        Assert.Equal("CASE-CHILD", childAfter.CorrelationId);
    }

    [Fact]
    public async Task Timer_HostDiesBetweenCommitAndScheduling_FiresOnceAfterRestart()
    {
        // First host: commits the timer bookmark and its outbox message, but runs no relay, as if killed right after the commit.
        var options = await TestDatabases.NewAsync(Provider, runBackgroundServers: false);
        var flow = new FlowBuilder("timer")
            .Activity("start", "Start")
            .Activity("wait", "Timer", ("duration", "00:00:01"))
            .Activity("after", "Log", ("message", "timer fired"))
            .Activity("end", "End")
            .Chain("start", "wait", "after", "end");
        Guid instanceId;
        await using (var first = await EngineHost.StartAsync(options))
        {
            await first.PublishAsync(flow.ToJson());
            instanceId = (await first.StartAsync("timer")).Instance.Id;
        }

        // Second host with the relay, Quartz and Hangfire: the pending outbox message schedules the timer, which fires.
        options.RunBackgroundServers = true;
        await using var second = await EngineHost.StartAsync(options);
        Assert.True(await EngineHost.EventuallyAsync(async () =>
            (await second.Store.FindInstanceAsync(instanceId, CancellationToken.None))!.Status == WorkflowStatus.Completed), "the timer never fired");

        // Let any duplicate firing show itself before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var journal = await second.Store.ReadJournalAsync(instanceId, CancellationToken.None);
        Assert.Single(journal, j => j.Event == JournalEvents.BookmarkResumed && j.ActivityId == "wait");
        Assert.Single(journal, j => j.Event == JournalEvents.Log && j.ActivityId == "after");
    }

    [Fact]
    public async Task ElsaExport_ImportedPublishedAndRun_Completes()
    {
        await using var host = await StartHostAsync(background: false);
        var definition = Approval.Engine.Definitions.ElsaImporter.Convert(Approval.Engine.Definitions.DefinitionJson.ParseObject(ElsaSamples.Export));
        await host.PublishAsync(Approval.Engine.Definitions.DefinitionJson.WriteString(definition));

        var run = await host.StartAsync("elsa-imported", new StartOptions(Input: new JsonObject { ["amount"] = 500 }));

        Assert.Equal(WorkflowStatus.Completed, run.Instance.Status);
        Assert.Equal("true", run.Instance.Variables["Approved"]!.ToJsonString().Trim('"'));
    }

    [Fact]
    public async Task Publish_InvalidDraft_IsRefusedAndNothingIsPublished()
    {
        await using var host = await StartHostAsync(background: false);
        var invalid = FlowBuilder.SingleTask("invalid").Activity("orphan", "Log", ("message", "x"));

        var ex = await Assert.ThrowsAsync<Approval.Engine.Definitions.InvalidDefinitionException>(() => host.PublishAsync(invalid.ToJson()));

        Assert.Contains(ex.Errors, e => e.Code == "unreachable" && e.ActivityId == "orphan");
        var published = await host.InScopeAsync(sp => sp.GetRequiredService<Approval.Engine.Storage.IDefinitionStore>().FindPublishedAsync("invalid", CancellationToken.None));
        Assert.Null(published);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.StartAsync("invalid"));
    }

    [Fact]
    public async Task Signal_ResumesOnlyTheInstancesWithItsCorrelationId()
    {
        await using var host = await StartHostAsync(background: false);
        await host.PublishAsync(new FlowBuilder("supplement").Variable("received")
            .Activity("start", "Start")
            .Activity("wait", "WaitForSignal", ("signal", "MaterialsSupplied"), ("resultVariable", "received"))
            .Activity("end", "End")
            .Chain("start", "wait", "end")
            .ToJson());
        var a = await host.StartAsync("supplement", new StartOptions(CorrelationId: "CASE-A"));
        var b = await host.StartAsync("supplement", new StartOptions(CorrelationId: "CASE-B"));

        var resumed = await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>()
            .SignalAsync("MaterialsSupplied", "CASE-B", new JsonObject { ["materials"] = new JsonArray("M01") }, "clerk", CancellationToken.None));

        Assert.Equal(b.Instance.Id, Assert.Single(resumed).Instance.Id);
        Assert.Equal(WorkflowStatus.Suspended, (await host.Store.FindInstanceAsync(a.Instance.Id, CancellationToken.None))!.Status);
        var finished = await host.Store.FindInstanceAsync(b.Instance.Id, CancellationToken.None);
        Assert.Equal(WorkflowStatus.Completed, finished!.Status);
        Assert.Equal("M01", finished.Variables["received"]!["materials"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_WaitingInstance_RemovesItsWaitsAndCancelsItsTasks()
    {
        await using var host = await StartHostAsync(background: false);
        await host.PublishAsync(FlowBuilder.SingleTask("cancel-me").ToJson());
        var started = await host.StartAsync("cancel-me");

        var cancelled = await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().CancelAsync(started.Instance.Id, "admin", "applicant withdrew", CancellationToken.None));

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Instance.Status);
        Assert.Empty(await host.Store.ListBookmarksAsync(started.Instance.Id, CancellationToken.None));
        Assert.Equal(WorkItemStatus.Cancelled, (await host.Store.FindWorkItemAsync(started.CreatedWorkItems[0].Id, CancellationToken.None))!.Status);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => host.CompleteAsync(started.CreatedWorkItems[0].Id, "Approve"));
    }
}

public sealed class SqliteEngineContractTests : EngineContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresEngineContractTests : EngineContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
