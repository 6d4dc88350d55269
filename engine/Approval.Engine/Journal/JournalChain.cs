using Approval.Engine.Audit;
using Approval.Engine.Instances;
using Approval.Engine.Storage;

namespace Approval.Engine.Journal;

/// <summary>Links each instance's journal lines into a SHA-256 chain: a line's hash covers its fields and the hash of the line before it.</summary>
/// <remarks>
/// The instance row keeps the hash of its last line (<see cref="WorkflowInstance.JournalHash"/>), so a commit chains its
/// lines on without reading the journal, and the revision check on the instance row keeps the chain linear across hosts.
/// An edited line no longer hashes to its stored hash; a deleted one leaves a gap in the sequence and a line whose
/// previous hash is gone; a truncated tail no longer ends at the instance's head.
/// </remarks>
public static class JournalChain
{
    /// <summary>Hashes the commit's new lines onto the instance's chain and moves the instance's head; called once per commit, just before it is written.</summary>
    public static void Seal(WorkflowCommit commit)
    {
        var previous = commit.Instance.JournalHash;
        using var hash = new CanonicalHash();
        foreach (var entry in commit.Journal)
        {
            entry.At = CanonicalHash.ToMicroseconds(entry.At);
            previous = entry.Hash = HashOf(hash, entry, previous);
        }

        commit.Instance.JournalHash = previous;
    }

    /// <summary>The hash of one line given the hash of the line before it (null for the first chained line).</summary>
    public static string HashOf(JournalEntry entry, string? previous)
    {
        using var hash = new CanonicalHash();
        return HashOf(hash, entry, previous);
    }

    private static string HashOf(CanonicalHash hash, JournalEntry entry, string? previous) =>
        hash.Begin(previous).Add(entry.InstanceId).Add(entry.Sequence).Add(entry.At).Add(entry.Event)
            .Add(entry.ActivityId).Add(entry.ActivityType).Add(entry.Actor).Add(entry.Data)
            .Finish();

    /// <summary>Recomputes an instance's chain from its stored lines, in sequence order, and says what does not hold.</summary>
    /// <remarks>
    /// Lines written before the chain existed have no hash. They are reported as unchained, not as tampered, as long as
    /// they all come before the first chained line; a line without a hash after it is a finding.
    /// </remarks>
    public static JournalChainReport Verify(WorkflowInstance instance, IReadOnlyList<JournalEntry> entries)
    {
        var findings = new List<AuditFinding>();
        using var hash = new CanonicalHash();
        string? previous = null;
        var chained = false;
        var unchained = 0;
        var expected = 0;
        var afterGap = false;
        foreach (var entry in entries)
        {
            if (entry.InstanceId != instance.Id)
            {
                findings.Add(new AuditFinding(entry.Sequence, $"Line {entry.Sequence} belongs to instance {entry.InstanceId}, not {instance.Id}."));
                continue;
            }

            if (entry.Sequence != expected)
            {
                findings.Add(new AuditFinding(expected, entry.Sequence > expected
                    ? $"{Range(expected, entry.Sequence - 1)} missing: deleted from the journal."
                    : $"Line {entry.Sequence} appears twice or out of order."));
                afterGap = true;
            }

            expected = entry.Sequence + 1;
            if (entry.Hash is null)
            {
                if (chained)
                {
                    findings.Add(new AuditFinding(entry.Sequence, $"Line {entry.Sequence} ({entry.Event}) has no hash, but lines before it are chained: its hash was removed."));

                    // The next line chained on from the hash that is gone, so it cannot be checked either; this finding covers both.
                    afterGap = true;
                }
                else
                {
                    unchained++;
                }

                continue;
            }

            chained = true;
            var actual = HashOf(hash, entry, previous);
            if (actual != entry.Hash && !afterGap)
            {
                findings.Add(new AuditFinding(entry.Sequence, $"Line {entry.Sequence} ({entry.Event} by {entry.Actor ?? "nobody"} at {entry.At:O}) was changed after it was written: its fields hash to {actual[..12]}…, not the stored {entry.Hash[..12]}…."));
            }

            // Go on from the stored hash, so one edited line is reported once and the lines after it still verify.
            previous = entry.Hash;
            afterGap = false;
        }

        if (expected < instance.NextJournalSequence)
        {
            findings.Add(new AuditFinding(expected, $"{Range(expected, instance.NextJournalSequence - 1)} missing at the end of the journal: deleted."));
        }
        else if (expected > instance.NextJournalSequence)
        {
            findings.Add(new AuditFinding(instance.NextJournalSequence, $"The journal has lines up to {expected - 1}, but the instance wrote only up to {instance.NextJournalSequence - 1}: lines were added."));
        }
        else if (previous != instance.JournalHash && (chained || instance.JournalHash is not null))
        {
            findings.Add(new AuditFinding(Math.Max(0, expected - 1), "The journal's last hash is not the one the instance recorded: its tail was rewritten."));
        }

        return new JournalChainReport(entries.Count, unchained, findings);
    }

    private static string Range(int from, int to) => from == to ? $"Line {from} is" : $"Lines {from}–{to} are";
}

/// <summary>What recomputing one instance's journal chain found.</summary>
/// <param name="Unchained">Lines written before the journal was chained (no hash); not a finding.</param>
public sealed record JournalChainReport(int Entries, int Unchained, IReadOnlyList<AuditFinding> Findings)
{
    public bool Intact => Findings.Count == 0;
}
