namespace Approval.Engine.Documents;

/// <summary>Checks a case file: each document's content against its stored SHA-256, and each closing manifest against the documents it lists.</summary>
/// <remarks>
/// A row edited behind the system's back (content changed, a document removed or added before the manifest) shows up
/// here: the content no longer hashes to what was recorded at issue, or the manifest's list no longer matches.
/// </remarks>
public sealed class CaseFileVerifier(IDocumentStore documents)
{
    public const string ManifestKind = "CaseFileManifest";

    public async Task<CaseFileReport> VerifyAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var listed = await documents.ListForInstanceAsync(instanceId, cancellationToken);
        var findings = new List<string>();
        var verified = new List<InstanceDocument>();
        foreach (var summary in listed)
        {
            var document = await documents.FindAsync(summary.Id, cancellationToken);
            if (document is null)
            {
                findings.Add($"Document {summary.Id} ({summary.Title}) is listed but cannot be read.");
                continue;
            }

            var actual = InstanceDocument.HashOf(document.Content);
            if (actual != document.Sha256)
            {
                findings.Add($"Document {document.Id} ({document.Title}, {document.Number}) was changed after it was issued: its content hashes to {actual[..16]}…, not the {document.Sha256[..16]}… recorded at issue.");
            }

            if (document.Kind == ManifestKind)
            {
                // The manifest prints its check value: the hash over "id sha256" lines of the documents before it.
                var before = verified.Where(d => d.Kind != ManifestKind).ToList();
                var chain = InstanceDocument.HashOf(string.Join("\n", before.Select(d => $"{d.Id:N} {d.Sha256}")));
                if (!document.Content.Contains(chain, StringComparison.Ordinal))
                {
                    findings.Add($"The case file's manifest ({document.Number}) does not match the documents issued before it: one was changed, removed or added.");
                }
            }

            verified.Add(document);
        }

        return new CaseFileReport(instanceId, listed.Count, findings.Count == 0, findings);
    }
}

/// <summary>What verifying a case file found; <see cref="Intact"/> when nothing.</summary>
public sealed record CaseFileReport(Guid InstanceId, int Documents, bool Intact, IReadOnlyList<string> Findings);
