namespace Approval.Engine.Audit;

/// <summary>Reads the audit trail, and pages through instances for a full verification.</summary>
/// <remarks>Entries are written by the stores whose changes they record, in the same transaction; there is no standalone append.</remarks>
public interface IAuditStore
{
    /// <summary>Entries after <paramref name="afterSequence"/>, in sequence order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The latest entries first, optionally only those whose subject starts with <paramref name="subjectPrefix"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ListRecentAsync(string? subjectPrefix, int max, CancellationToken cancellationToken);

    /// <summary>Instance ids after <paramref name="after"/> in id order, at most <paramref name="max"/>: pages for verifying every instance.</summary>
    Task<IReadOnlyList<Guid>> ListInstanceIdsAsync(Guid? after, int max, CancellationToken cancellationToken);
}
