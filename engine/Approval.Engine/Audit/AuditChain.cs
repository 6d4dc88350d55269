namespace Approval.Engine.Audit;

/// <summary>The hash chain over the audit table, and its check.</summary>
public static class AuditChain
{
    /// <summary>Makes the next entry: its sequence follows <paramref name="last"/>'s, its hash chains on from it.</summary>
    public static AuditEntry Next(AuditRecord record, DateTimeOffset at, long lastSequence, string? lastHash)
    {
        var entry = new AuditEntry
        {
            Sequence = lastSequence + 1,
            At = CanonicalHash.ToMicroseconds(at),
            Actor = record.Actor,
            Action = record.Action,
            Subject = record.Subject,
            Before = record.Before?.DeepClone(),
            After = record.After?.DeepClone(),
        };
        entry.Hash = HashOf(entry, lastHash);
        return entry;
    }

    public static string HashOf(AuditEntry entry, string? previous)
    {
        using var hash = new CanonicalHash();
        return HashOf(hash, entry, previous);
    }

    private static string HashOf(CanonicalHash hash, AuditEntry entry, string? previous) =>
        hash.Begin(previous).Add(entry.Sequence).Add(entry.At).Add(entry.Actor).Add(entry.Action).Add(entry.Subject).Add(entry.Before).Add(entry.After).Finish();

    /// <summary>Checks one page of entries, in sequence order, continuing from the last entry of the page before.</summary>
    /// <returns>The sequence and hash to continue from.</returns>
    public static (long Sequence, string? Hash) Verify(IReadOnlyList<AuditEntry> page, long lastSequence, string? lastHash, List<AuditFinding> findings)
    {
        // One digest for the page, as the journal's check does: setting one up costs more than hashing an entry.
        using var hash = new CanonicalHash();
        foreach (var entry in page)
        {
            var gap = entry.Sequence != lastSequence + 1;
            if (gap)
            {
                findings.Add(new AuditFinding(lastSequence + 1, entry.Sequence > lastSequence + 1
                    ? $"Audit {(entry.Sequence == lastSequence + 2 ? $"entry {lastSequence + 1} is" : $"entries {lastSequence + 1}–{entry.Sequence - 1} are")} missing: deleted."
                    : $"Audit entry {entry.Sequence} appears out of order."));
            }

            var actual = HashOf(hash, entry, lastHash);
            if (!gap && actual != entry.Hash)
            {
                findings.Add(new AuditFinding(entry.Sequence, $"Audit entry {entry.Sequence} ({entry.Action} on {entry.Subject} by {entry.Actor} at {entry.At:O}) was changed after it was written: it hashes to {actual[..12]}…, not the stored {Short(entry.Hash)}."));
            }

            lastSequence = entry.Sequence;
            lastHash = entry.Hash;
        }

        return (lastSequence, lastHash);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : $"'{hash}'";
}
