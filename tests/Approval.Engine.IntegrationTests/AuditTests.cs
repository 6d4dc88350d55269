using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Audit;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>The audit record on a real database: every step chained, a tampered or deleted row found where it is, people's changes outside cases audited.</summary>
public abstract class AuditTests
{
    protected abstract DatabaseProvider Provider { get; }

    private Task<EngineHost> StartHostAsync() => TestDatabases.NewAsync(Provider, runBackgroundServers: false).ContinueWith(t => EngineHost.StartAsync(t.Result)).Unwrap();

    /// <summary>A whole case: received (clock started, receipt issued), the review task claimed, transferred and approved with a comment and form data, licence and archive.</summary>
    private static async Task<Guid> RunTheCaseAsync(EngineHost host, string definitionId)
    {
        await host.PublishAsync(CaseFlowTests.Flow(definitionId));
        var started = await host.StartAsync(definitionId, new StartOptions(CaseFlowTests.CaseInput(), "GD4419-20261127-0001", "clerk"));
        var review = Assert.Single(started.CreatedWorkItems);
        await host.InScopeAsync(async sp =>
        {
            var runtime = sp.GetRequiredService<WorkflowRuntime>();
            await runtime.OperateWorkItemAsync(review.Id, new WorkItemOperation(WorkItemOperationKind.Claim), "reviewer", CancellationToken.None);
            await runtime.OperateWorkItemAsync(review.Id, new WorkItemOperation(WorkItemOperationKind.Transfer, Target: "李科长", Comment: "请科长审核"), "reviewer", CancellationToken.None);
            return await runtime.CompleteWorkItemAsync(review.Id, "Approve", "材料齐全，同意", new JsonObject { ["现场核查"] = "合格", ["score"] = 92.5 }, "李科长", CancellationToken.None);
        });
        return started.Instance.Id;
    }

    private Task<InstanceAuditReport?> VerifyAsync(EngineHost host, Guid id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyInstanceAsync(id, CancellationToken.None));

    private async Task ExecuteSqlAsync(EngineHost host, string sql, params object[] parameters)
    {
        await using var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create();
        var rows = await db.Database.ExecuteSqlRawAsync(sql, parameters);
        Assert.True(rows > 0, $"the tampering statement touched no row: {sql}");
    }

    private string JsonParameter(int index) => Provider == DatabaseProvider.PostgreSql ? $"CAST({{{index}}} AS json)" : $"{{{index}}}";

    private static readonly JsonSerializerOptions SegmentJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Rewrites an instance's stored journal lines by SQL, as someone with access to the database could: <paramref name="tamper"/> sees each
    /// line of each segment, and edits it in place, or returns false to delete it. Changed segments are written back whole, a segment left
    /// without lines is deleted. The JSON is edited here rather than with the database's JSON functions so the lines not tampered with keep
    /// their exact content: PostgreSQL's jsonb would reorder the keys inside their data, and so change what they hash to.
    /// </summary>
    private async Task TamperJournalAsync(EngineHost host, Guid id, Func<JsonObject, bool> tamper)
    {
        List<JournalSegmentRow> segments;
        await using (var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create())
        {
            segments = await db.JournalSegments.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.FirstSequence).ToListAsync();
        }

        var touched = 0;
        foreach (var segment in segments)
        {
            var lines = JsonNode.Parse(segment.Lines)!.AsArray();
            var original = lines.ToJsonString(SegmentJson);
            foreach (var line in lines.ToList())
            {
                if (!tamper((JsonObject)line!))
                {
                    lines.Remove(line);
                }
            }

            var edited = lines.ToJsonString(SegmentJson);
            if (edited == original)
            {
                continue;
            }

            touched++;
            if (lines.Count == 0)
            {
                await ExecuteSqlAsync(host, "DELETE FROM \"JournalSegments\" WHERE \"InstanceId\" = {0} AND \"FirstSequence\" = {1}", id, segment.FirstSequence);
            }
            else
            {
                await ExecuteSqlAsync(host, $"UPDATE \"JournalSegments\" SET \"Lines\" = {JsonParameter(0)} WHERE \"InstanceId\" = {{1}} AND \"FirstSequence\" = {{2}}",
                    edited, id, segment.FirstSequence);
            }
        }

        Assert.True(touched > 0, "the tampering touched no journal line");
    }

    private static int SequenceOf(JsonObject line) => line["seq"]!.GetValue<int>();

    [Fact]
    public async Task WholeCase_Untouched_JournalChainAndDocumentsVerify_WithBeforeAndAfterOfEachChange()
    {
        await using var host = await StartHostAsync();
        var id = await RunTheCaseAsync(host, "audit-intact");

        var report = await VerifyAsync(host, id);

        Assert.NotNull(report);
        Assert.True(report.Intact, string.Join("; ", report.Findings.Select(f => f.Problem).Concat(report.CaseFile.Findings)));
        var instance = (await host.Store.FindInstanceAsync(id, CancellationToken.None))!;
        Assert.Equal(instance.NextJournalSequence, report.Entries);
        Assert.Equal(0, report.Unchained);
        Assert.Equal(3, report.CaseFile.Documents);

        var journal = await host.Store.ReadJournalAsync(id, CancellationToken.None);
        Assert.All(journal, j => Assert.Matches("^[0-9a-f]{64}$", j.Hash!));
        Assert.Equal(journal[^1].Hash, instance.JournalHash);

        var transfer = Assert.Single(journal, j => j.Event == JournalEvents.WorkItemOperated && (string?)j.Data!["operation"] == "Transfer");
        Assert.Equal("reviewer", transfer.Actor);
        Assert.Equal("reviewer", (string?)transfer.Data!["before"]!["assignee"]);
        Assert.Equal("李科长", (string?)transfer.Data!["after"]!["assignee"]);
        Assert.Equal("请科长审核", (string?)transfer.Data!["comment"]);

        var decision = Assert.Single(journal, j => j.Event == JournalEvents.BookmarkResumed && j.Actor == "李科长");
        Assert.Equal("材料齐全，同意", (string?)decision.Data!["payload"]!["comment"]);
        Assert.Equal("合格", (string?)decision.Data!["payload"]!["data"]!["现场核查"]);

        var completed = Assert.Single(journal, j => j.Event == JournalEvents.InstanceCompleted);
        Assert.Equal("Suspended", (string?)completed.Data!["before"]!["status"]);
        Assert.Equal("Completed", (string?)completed.Data!["after"]!["status"]);

        var clockStarted = journal.First(j => j.Event == JournalEvents.ClockChanged);
        Assert.Null(clockStarted.Data!["before"]);
        Assert.Equal("running", (string?)clockStarted.Data!["after"]!["state"]);
        var clockStopped = journal.Last(j => j.Event == JournalEvents.ClockChanged);
        Assert.Equal("running", (string?)clockStopped.Data!["before"]!["state"]);
        Assert.Equal("stopped", (string?)clockStopped.Data!["after"]!["state"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)clockStopped.Data!["after"]!["committedDueDate"]);
    }

    [Fact]
    public async Task JournalRow_DataEditedBySql_FoundAtThatSequenceOnly()
    {
        await using var host = await StartHostAsync();
        var id = await RunTheCaseAsync(host, "audit-edited");
        var journal = await host.Store.ReadJournalAsync(id, CancellationToken.None);
        var decision = journal.Single(j => j.Event == JournalEvents.BookmarkResumed && j.Actor == "李科长");
        var forged = (JsonObject)decision.Data!.DeepClone();
        forged["payload"]!["outcome"] = "Reject";

        await TamperJournalAsync(host, id, line =>
        {
            if (SequenceOf(line) == decision.Sequence)
            {
                line["data"] = JsonNode.Parse(JsonSerializer.Serialize(forged, EngineJson.Options));
            }

            return true;
        });
        var report = await VerifyAsync(host, id);

        Assert.False(report!.Intact);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(decision.Sequence, finding.Sequence);
        Assert.Contains("changed after it was written", finding.Problem);
        Assert.True(report.CaseFile.Intact, "the documents were not touched");
    }

    [Fact]
    public async Task JournalRow_Deleted_FoundAsMissingAtThatSequence()
    {
        await using var host = await StartHostAsync();
        var id = await RunTheCaseAsync(host, "audit-deleted");
        var journal = await host.Store.ReadJournalAsync(id, CancellationToken.None);
        var transfer = journal.Single(j => j.Event == JournalEvents.WorkItemOperated && (string?)j.Data!["operation"] == "Transfer");

        await TamperJournalAsync(host, id, line => SequenceOf(line) != transfer.Sequence);
        var report = await VerifyAsync(host, id);

        Assert.False(report!.Intact);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(transfer.Sequence, finding.Sequence);
        Assert.Contains("missing", finding.Problem);
    }

    [Fact]
    public async Task JournalTail_Deleted_FoundAgainstTheInstanceHead()
    {
        await using var host = await StartHostAsync();
        var id = await RunTheCaseAsync(host, "audit-tail");
        var journal = await host.Store.ReadJournalAsync(id, CancellationToken.None);

        await TamperJournalAsync(host, id, line => SequenceOf(line) != journal[^1].Sequence);
        var report = await VerifyAsync(host, id);

        Assert.Equal(journal[^1].Sequence, Assert.Single(report!.Findings).Sequence);
    }

    [Fact]
    public async Task JournalWrittenBeforeTheChain_ReportedUnchainedNotTampered_AndLaterStepsChainOn()
    {
        await using var host = await StartHostAsync();
        await host.PublishAsync(Tests.Support.FlowBuilder.SingleTask("audit-legacy").ToJson());
        var started = await host.StartAsync("audit-legacy");
        var id = started.Instance.Id;
        await TamperJournalAsync(host, id, line =>
        {
            line.Remove("hash");
            return true;
        });
        await ExecuteSqlAsync(host, "UPDATE \"WorkflowInstances\" SET \"JournalHash\" = NULL WHERE \"Id\" = {0}", id);

        var before = await VerifyAsync(host, id);
        Assert.True(before!.Intact);
        Assert.Equal(before.Entries, before.Unchained);

        await host.CompleteAsync(Assert.Single(started.CreatedWorkItems).Id, "Approve");
        var after = await VerifyAsync(host, id);
        Assert.True(after!.Intact, string.Join("; ", after.Findings.Select(f => f.Problem)));
        Assert.Equal(before.Unchained, after.Unchained);
        Assert.True(after.Entries > after.Unchained);
    }

    [Fact]
    public async Task DefinitionPublish_AuditedWithActorBeforeAndAfter_TrailVerifies_AnEditedEntryIsFound()
    {
        await using var host = await StartHostAsync();
        await host.PublishAsync(Tests.Support.FlowBuilder.SingleTask("audit-def").ToJson());
        await host.PublishAsync(Tests.Support.FlowBuilder.SingleTask("audit-def", title: "第二版").ToJson());
        var store = host.Services.GetRequiredService<IAuditStore>();

        var entries = await store.ListRecentAsync("definition:audit-def", 10, CancellationToken.None);

        Assert.Equal(
            [AuditActions.DefinitionPublish, AuditActions.DefinitionSaveDraft, AuditActions.DefinitionPublish, AuditActions.DefinitionSaveDraft],
            entries.Select(e => e.Action));
        var publish = entries[0];
        Assert.Equal("tester", publish.Actor);
        Assert.Equal("definition:audit-def@2", publish.Subject);
        Assert.Equal(false, (bool?)publish.Before!["published"]);
        Assert.Equal(1, (int?)publish.Before!["publishedVersion"]);
        Assert.Equal(true, (bool?)publish.After!["published"]);
        Assert.Equal(2, (int?)publish.After!["publishedVersion"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)publish.After!["sha256"]);

        var verifier = host.Services.CreateScope().ServiceProvider.GetRequiredService<AuditVerifier>();
        var intact = await verifier.VerifyTrailAsync(CancellationToken.None);
        Assert.True(intact.Intact, string.Join("; ", intact.Findings.Select(f => f.Problem)));
        Assert.Equal(4, intact.Entries);

        await ExecuteSqlAsync(host, "UPDATE \"AuditEntries\" SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 3");
        var tampered = await verifier.VerifyTrailAsync(CancellationToken.None);
        Assert.Equal(3, Assert.Single(tampered.Findings).Sequence);

        // With entry 2 gone, entry 3 has nothing to chain from: the gap is the first broken row, and what is reported.
        await ExecuteSqlAsync(host, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");
        var deleted = await verifier.VerifyTrailAsync(CancellationToken.None);
        var missing = Assert.Single(deleted.Findings);
        Assert.Equal(2, missing.Sequence);
        Assert.Contains("missing", missing.Problem);
    }

    [Fact]
    public async Task ConcurrentDefinitionChanges_AuditChainStaysLinear()
    {
        await using var host = await StartHostAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => host.PublishAsync(Tests.Support.FlowBuilder.SingleTask($"audit-race-{i}").ToJson()))));

        var report = await host.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyTrailAsync(CancellationToken.None));
        Assert.True(report.Intact, string.Join("; ", report.Findings.Select(f => f.Problem)));
        Assert.Equal(24, report.Entries);
    }

    [Fact]
    public async Task LinesStoredOnePerRow_MigrateIntoSegments_AndStillVerify()
    {
        await using var host = await StartHostAsync();
        var id = await RunTheCaseAsync(host, "audit-migrate");
        var written = await host.Store.ReadJournalAsync(id, CancellationToken.None);

        // Back to the schema before segments (its Down migration spreads the segments into one row per line), then up
        // again: the lines an older installation wrote come through the upgrade field for field.
        await using (var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create())
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_JournalSegments", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);
            var rows = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"JournalEntries\"").SingleAsync();
            Assert.Equal(written.Count, rows);
            await migrator.MigrateAsync();
        }

        var migrated = await host.Store.ReadJournalAsync(id, CancellationToken.None);
        Assert.Equal(written.Count, migrated.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal((written[i].Sequence, written[i].At, written[i].Event, written[i].ActivityId, written[i].ActivityType, written[i].Actor, written[i].Hash),
                (migrated[i].Sequence, migrated[i].At, migrated[i].Event, migrated[i].ActivityId, migrated[i].ActivityType, migrated[i].Actor, migrated[i].Hash));
            Assert.Equal(written[i].Data?.ToJsonString(), migrated[i].Data?.ToJsonString());
        }

        var report = await VerifyAsync(host, id);
        Assert.True(report!.Intact, string.Join("; ", report.Findings.Select(f => f.Problem)));
    }
}

public sealed class SqliteAuditTests : AuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresAuditTests : AuditTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
