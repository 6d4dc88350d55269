using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Instances;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.IntegrationTests;

/// <summary>Two hosts on one PostgreSQL share timers and background work without running a step twice.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task TwoHosts_TimersFallingDue_EachFiresExactlyOnce()
    {
        var options = await TestDatabases.NewAsync(DatabaseProvider.PostgreSql);
        await using var first = await EngineHost.StartAsync(options);
        await using var second = await EngineHost.StartAsync(new Approval.Engine.Hosting.EngineOptions
        {
            Provider = options.Provider,
            ConnectionString = options.ConnectionString,
            RelayPollInterval = options.RelayPollInterval,
        });
        await first.PublishAsync(new FlowBuilder("cluster-timer")
            .Activity("start", "Start")
            .Activity("wait", "Timer", ("duration", "00:00:02"))
            .Activity("after", "Log", ("message", "fired"))
            .Activity("end", "End")
            .Chain("start", "wait", "after", "end")
            .ToJson());

        // Half the instances start on each host, so both relays and both Quartz nodes have work.
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var host = i % 2 == 0 ? first : second;
            ids.Add((await host.StartAsync("cluster-timer")).Instance.Id);
        }

        Assert.True(await EngineHost.EventuallyAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await first.Store.FindInstanceAsync(id, CancellationToken.None))!.Status != WorkflowStatus.Completed)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(60)), "not every timer fired");

        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var id in ids)
        {
            var journal = await second.Store.ReadJournalAsync(id, CancellationToken.None);
            Assert.Single(journal, j => j.Event == JournalEvents.BookmarkResumed);
            Assert.Single(journal, j => j.Event == JournalEvents.Log);
            Assert.Single(journal, j => j.Event == JournalEvents.InstanceCompleted);
        }
    }
}
