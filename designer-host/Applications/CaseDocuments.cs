using Approval.Engine.Documents;

namespace Approval.DesignerHost.Applications;

/// <summary>The documents a case issued, read for the API and for pages that show them.</summary>
public sealed class CaseDocuments(IDocumentStore documents)
{
    /// <summary>The document, when it belongs to this case; an id from another case is as good as unknown.</summary>
    public async Task<InstanceDocument?> FindAsync(Guid applicationId, Guid documentId, CancellationToken cancellationToken) =>
        await documents.FindAsync(documentId, cancellationToken) is { } document && document.InstanceId == applicationId ? document : null;
}
