using System.Runtime.CompilerServices;
using Approval.Engine.Documents;
using Approval.Engine.Journal;
using Approval.Engine.Storage;

namespace Approval.Engine.Audit;

/// <summary>The one place that checks the records: an instance's journal chain with its case file's documents, and the audit table's chain.</summary>
public sealed class AuditVerifier(IWorkflowStore store, IAuditStore audit, CaseFileVerifier caseFiles)
{
    private const int PageSize = 1_000;

    /// <summary>Recomputes the instance's journal chain and checks its documents; null when the instance does not exist.</summary>
    public async Task<InstanceAuditReport?> VerifyInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return null;
        }

        var journal = await store.ReadJournalAsync(instanceId, cancellationToken);
        var chain = JournalChain.Verify(instance, journal);
        var caseFile = await caseFiles.VerifyAsync(instanceId, cancellationToken);
        return new InstanceAuditReport(instanceId, chain.Entries, chain.Unchained, chain.Findings, caseFile);
    }

    /// <summary>Every instance, one report each, in id order.</summary>
    public async IAsyncEnumerable<InstanceAuditReport> VerifyAllInstancesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var ids = await audit.ListInstanceIdsAsync(after, PageSize, cancellationToken);
            foreach (var id in ids)
            {
                // An instance deleted between the page and now has nothing left to verify.
                if (await VerifyInstanceAsync(id, cancellationToken) is { } report)
                {
                    yield return report;
                }
            }

            if (ids.Count < PageSize)
            {
                yield break;
            }

            after = ids[^1];
        }
    }

    /// <summary>Recomputes the audit table's chain, page by page.</summary>
    public async Task<AuditTrailReport> VerifyTrailAsync(CancellationToken cancellationToken)
    {
        var findings = new List<AuditFinding>();
        long sequence = 0;
        string? hash = null;
        var count = 0;
        while (true)
        {
            var page = await audit.ReadAsync(sequence, PageSize, cancellationToken);
            (sequence, hash) = AuditChain.Verify(page, sequence, hash, findings);
            count += page.Count;
            if (page.Count < PageSize)
            {
                return new AuditTrailReport(count, findings);
            }
        }
    }
}

/// <summary>What verifying one case file found: the journal chain and the issued documents.</summary>
/// <param name="Unchained">Journal lines written before the chain existed; reported, not counted as tampering.</param>
public sealed record InstanceAuditReport(Guid InstanceId, int Entries, int Unchained, IReadOnlyList<AuditFinding> Findings, CaseFileReport CaseFile)
{
    public bool Intact => Findings.Count == 0 && CaseFile.Intact;
}

/// <summary>What verifying the audit table found.</summary>
public sealed record AuditTrailReport(int Entries, IReadOnlyList<AuditFinding> Findings)
{
    public bool Intact => Findings.Count == 0;
}
