using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;

namespace Approval.Engine.Tests.Journal;

/// <summary>The journal's hash chain without a database: sealing, verifying, and what each kind of tampering looks like.</summary>
public sealed class JournalChainTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 27, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1234567);

    private static WorkflowInstance NewInstance() => new() { Id = Guid.CreateVersion7(At), DefinitionId = "chain", DefinitionVersionId = "chain:1" };

    /// <summary>Commits two steps of three lines each, sealed as the runtime seals them; returns the instance and the stored lines.</summary>
    private static (WorkflowInstance Instance, List<JournalEntry> Stored) TwoSteps()
    {
        var instance = NewInstance();
        var stored = new List<JournalEntry>();
        for (var step = 0; step < 2; step++)
        {
            var commit = new WorkflowCommit(instance, step == 0, step);
            foreach (var @event in new[] { JournalEvents.ActivityStarted, JournalEvents.BookmarkResumed, JournalEvents.ActivityCompleted })
            {
                commit.Journal.Add(new JournalEntry
                {
                    InstanceId = instance.Id, Sequence = instance.NextJournalSequence++, At = At.AddSeconds(step), Event = @event, ActivityId = "review",
                    ActivityType = "HumanTask", Actor = "李科长",
                    Data = new JsonObject { ["payload"] = new JsonObject { ["outcome"] = "Approve", ["comment"] = "同意 <ok> \"quoted\"", ["score"] = 92.5, ["none"] = null } },
                });
            }

            JournalChain.Seal(commit);
            stored.AddRange(commit.Journal.Select(RoundTrip));
        }

        return (instance, stored);
    }

    /// <summary>A line as it comes back from the database: its data parsed from the stored JSON text.</summary>
    private static JournalEntry RoundTrip(JournalEntry e) => new()
    {
        InstanceId = e.InstanceId, Sequence = e.Sequence, At = e.At, Event = e.Event, ActivityId = e.ActivityId, ActivityType = e.ActivityType, Actor = e.Actor,
        Data = JsonSerializer.Deserialize<JsonObject>(JsonSerializer.Serialize(e.Data, EngineJson.Options), EngineJson.Options), Hash = e.Hash,
    };

    [Fact]
    public void Seal_ThenVerifyTheStoredLines_Intact_AndTheInstanceHoldsTheLastHash()
    {
        var (instance, stored) = TwoSteps();

        var report = JournalChain.Verify(instance, stored);

        Assert.True(report.Intact, string.Join("; ", report.Findings.Select(f => f.Problem)));
        Assert.Equal(6, report.Entries);
        Assert.Equal(stored[^1].Hash, instance.JournalHash);
        Assert.Equal(stored.Count, stored.Select(s => s.Hash).Distinct().Count());
        Assert.All(stored, s => Assert.Equal(0, s.At.UtcTicks % 10)); // cut to the microsecond PostgreSQL keeps
    }

    [Fact]
    public void Verify_OneLineEdited_FoundAtThatLineOnly()
    {
        var (instance, stored) = TwoSteps();
        stored[4].Data!["payload"]!["outcome"] = "Reject";

        var finding = Assert.Single(JournalChain.Verify(instance, stored).Findings);

        Assert.Equal(4, finding.Sequence);
    }

    [Fact]
    public void Verify_ALineDeleted_FoundAsMissingAtItsSequence()
    {
        var (instance, stored) = TwoSteps();
        stored.RemoveAt(2);

        var finding = Assert.Single(JournalChain.Verify(instance, stored).Findings);

        Assert.Equal(2, finding.Sequence);
        Assert.Contains("missing", finding.Problem);
    }

    [Fact]
    public void Verify_LastLineDeletedAndTheSequenceRewound_FoundAgainstTheHead()
    {
        var (instance, stored) = TwoSteps();
        stored.RemoveAt(5);
        instance.NextJournalSequence = 5;

        Assert.Single(JournalChain.Verify(instance, stored).Findings);
    }

    [Fact]
    public void Verify_HashRemovedFromALineAfterChainedOnes_IsAFinding_ButUnchainedLinesFirstAreNot()
    {
        var (instance, stored) = TwoSteps();
        stored[3].Hash = null;
        Assert.Equal(3, Assert.Single(JournalChain.Verify(instance, stored).Findings).Sequence);

        foreach (var line in stored)
        {
            line.Hash = null;
        }

        instance.JournalHash = null;
        var legacy = JournalChain.Verify(instance, stored);
        Assert.True(legacy.Intact);
        Assert.Equal(6, legacy.Unchained);
    }
}
