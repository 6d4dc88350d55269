using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>A 容缺 supplement arriving just as its deadline fires: the case ends one way, never both.</summary>
public abstract class SupplementDeadlineRaceTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task SupplementAndDeadlineAtOnce_OneConsistentOutcome()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(new FlowBuilder("race-deficiency")
            .Activity("start", "Start")
            .Activity("tolerate", "DeficiencyTolerantAcceptance", ("supplementDays", 1))
            .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
            .Activity("supplemented", "Log", ("message", "supplemented"))
            .Activity("terminated", "Terminate", ("reason", "逾期未补正"))
            .Activity("end", "End")
            .Connect("start", "tolerate")
            .Connect("tolerate", "review", "Proceed").Connect("tolerate", "supplemented", "Supplemented").Connect("tolerate", "terminated", "Terminated")
            .Connect("supplemented", "end").Connect("review", "end", "Approve")
            .ToJson());

        for (var round = 0; round < 5; round++)
        {
            var run = await host.StartAsync("race-deficiency", new StartOptions(Input(), CorrelationId: $"RACE-{round}"));
            var bookmarks = await host.Store.ListBookmarksAsync(run.Instance.Id, CancellationToken.None);
            var supplement = bookmarks.Single(b => b.Kind == BookmarkKinds.Signal);
            var deadline = bookmarks.Single(b => b.Kind == BookmarkKinds.Timer);

            // Both arrive together, from two callers, as the window and the timer job would: released by one gate on two threads.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var window = Task.Run(async () => { await gate.Task; return await Attempt(host, supplement.Id, new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M02" }) }); });
            var timer = Task.Run(async () => { await gate.Task; return await FireTimer(host, run.Instance.Id, deadline.Id); });
            gate.SetResult();
            var outcomes = await Task.WhenAll(window, timer);

            Assert.Equal(1, outcomes.Count(o => o));
            var journal = await host.Store.ReadJournalAsync(run.Instance.Id, CancellationToken.None);
            var logs = journal.Count(j => j.Event == Journal.JournalEvents.Log && j.ActivityId == "supplemented");
            var terminations = journal.Count(j => j.Event == Journal.JournalEvents.InstanceTerminated);
            Assert.Equal(1, logs + terminations);
            Assert.Equal(1, journal.Count(j => j.Event == Journal.JournalEvents.BookmarkResumed && j.ActivityId == "tolerate"));

            // The stored state agrees with the journal: the loser left nothing behind that could still fire.
            var instance = (await host.Store.FindInstanceAsync(run.Instance.Id, CancellationToken.None))!;
            var left = await host.Store.ListBookmarksAsync(run.Instance.Id, CancellationToken.None);
            Assert.DoesNotContain(left, b => b.ActivityId == "tolerate");
            // The supplement leaves the review open; the deadline ends the whole case, review included.
            Assert.Equal(outcomes[0] ? Instances.WorkflowStatus.Suspended : Instances.WorkflowStatus.Completed, instance.Status);
            Assert.Equal(outcomes[0] ? 1 : 0, left.Count);
        }
    }

    /// <summary>What the Quartz timer job does: resume if still waiting, else nothing.</summary>
    private static Task<bool> FireTimer(EngineHost host, Guid instanceId, Guid bookmarkId) =>
        host.InScopeAsync(async sp => await sp.GetRequiredService<WorkflowRuntime>().ResumeIfWaitingAsync(
            new Scheduling.ResumeRequest(instanceId, bookmarkId, new JsonObject { ["firedAt"] = "now" }, "system:timer"), CancellationToken.None) is not null);

    private static async Task<bool> Attempt(EngineHost host, Guid bookmarkId, JsonObject? payload)
    {
        try
        {
            await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().ResumeAsync(bookmarkId, payload, "racer", CancellationToken.None));
            return true;
        }
        catch (WorkflowConflictException)
        {
            return false;
        }
    }

    private static JsonObject Input() => new()
    {
        ["guide"] = new JsonObject
        {
            ["code"] = "RACE", ["name"] = "容缺竞态", ["department"] = "市市场监督管理局", ["committedLimitDays"] = 5, ["statutoryLimitDays"] = 20, ["allowsDeficiencyTolerance"] = true,
            ["materials"] = new JsonArray(
                new JsonObject { ["code"] = "M01", ["name"] = "营业执照", ["required"] = true },
                new JsonObject { ["code"] = "M02", ["name"] = "平面图", ["required"] = true, ["tolerable"] = true, ["requirement"] = "标明布局" }),
        },
        ["application"] = new JsonObject
        {
            ["caseNumber"] = "RACE-1",
            ["applicant"] = new JsonObject { ["name"] = "某公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4XXXXX0X" },
            ["materials"] = new JsonArray(new JsonObject { ["code"] = "M01" }),
        },
        ["office"] = new JsonObject { ["name"] = "东莞市市场监督管理局", ["sealText"] = "东莞市市场监督管理局行政审批专用章" },
        ["handler"] = new JsonObject { ["name"] = "王芳" },
    };
}

public sealed class SqliteSupplementDeadlineRaceTests : SupplementDeadlineRaceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSupplementDeadlineRaceTests : SupplementDeadlineRaceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
