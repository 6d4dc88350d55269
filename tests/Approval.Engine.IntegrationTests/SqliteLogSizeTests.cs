using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Approval.Engine.IntegrationTests;

/// <summary>The engine writes SQLite through one long-lived connection in a write-ahead log; the log must not grow with every commit.</summary>
public sealed class SqliteLogSizeTests
{
    [Fact]
    public async Task ManyCommits_WriteAheadLogIsCopiedBack_AndStaysSmall()
    {
        var options = await TestDatabases.NewAsync(DatabaseProvider.Sqlite, runBackgroundServers: false);
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        await using var host = await EngineHost.StartAsync(options);
        await host.PublishAsync(FlowBuilder.SingleTask("wal").ToJson());

        // Without checkpoints that rewind it the log grows with every commit: 2,000 instances left it at 117-160 MB
        // when a background checkpointer was tried that copied pages back but never let the writer rewind the log.
        const int Instances = 2_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var started = await host.StartAsync("wal", new StartOptions(CorrelationId: $"W-{i}"));
            await host.CompleteAsync(started.CreatedWorkItems[0].Id, "Approve");
        });

        var walBytes = new FileInfo(file + "-wal").Length;
        Assert.True(walBytes < 32 * 1024 * 1024, $"The write-ahead log grew to {walBytes / 1024} KB: checkpoints are not keeping up.");

        // Everything written is in the database file or the log, and a fresh connection reads it all.
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Status\" = 'Completed'";
        Assert.Equal(Instances, Convert.ToInt32(await count.ExecuteScalarAsync()));
    }
}
