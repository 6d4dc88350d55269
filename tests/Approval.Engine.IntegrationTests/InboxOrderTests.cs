using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.HumanTasks;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.IntegrationTests;

/// <summary>An inbox lists the soonest due first and the items with no due date last, and a page stops at its size.</summary>
public abstract class InboxOrderTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task QueryWorkItems_ListsDueItemsSoonestFirst_ThenUndatedOnes_AndAPageHoldsTheSoonest()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider, runBackgroundServers: false));
        var holder = $"inbox-{Guid.NewGuid():N}"[..16];
        await host.PublishAsync(Flow("later", ("dueIn", "3.00:00:00")));
        await host.PublishAsync(Flow("undated"));
        await host.PublishAsync(Flow("sooner", ("dueIn", "1.00:00:00")));
        foreach (var definition in new[] { "later", "undated", "sooner" })
        {
            await host.StartAsync(definition, new Approval.Engine.Execution.StartOptions(new System.Text.Json.Nodes.JsonObject { ["holder"] = holder }));
        }

        var all = await host.Store.QueryWorkItemsAsync(new WorkItemQuery(Assignee: holder), CancellationToken.None);
        var page = await host.Store.QueryWorkItemsAsync(new WorkItemQuery(Assignee: holder, Max: 2), CancellationToken.None);
        var first = await host.Store.QueryWorkItemsAsync(new WorkItemQuery(Assignee: holder, Max: 1), CancellationToken.None);

        Assert.Equal(["sooner", "later", "undated"], all.Select(w => w.Title));
        Assert.Equal(["sooner", "later"], page.Select(w => w.Title));
        Assert.Equal(["sooner"], first.Select(w => w.Title));
    }

    private static string Flow(string name, params (string Name, System.Text.Json.Nodes.JsonNode? Value)[] due) =>
        new FlowBuilder(name)
            .Activity("start", "Start")
            .Activity("task", "HumanTask", [("title", name), ("assignee", FlowBuilder.Scriban("input.holder")), .. due])
            .Activity("end", "End")
            .Chain("start", "task")
            .Connect("task", "end", "Approve")
            .ToJson();
}

public sealed class SqliteInboxOrderTests : InboxOrderTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresInboxOrderTests : InboxOrderTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
