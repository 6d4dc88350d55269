using System.Text.Json.Nodes;
using Approval.Activities.Documents;
using Approval.Engine.Documents;
using Approval.Engine.Execution;

namespace Approval.Activities.Cases;

/// <summary>Renders and issues a document: the matter's own template version if it has one, else the stored default, else the shipped one.</summary>
public sealed class DocumentIssuer(DocumentRenderer renderer, IDocumentStore? store = null)
{
    /// <exception cref="DocumentModelException">The model lacks fields the document must carry; nothing is issued.</exception>
    public async ValueTask<InstanceDocument> IssueAsync(ActivityExecutionContext context, string kind, JsonObject model, string? matterCode)
    {
        var missing = DocumentFields.Missing(kind, model);
        if (missing.Count > 0)
        {
            throw new DocumentModelException($"The {kind} cannot be issued without: {string.Join(", ", missing)}.");
        }

        var scopes = matterCode is { Length: > 0 } ? new[] { matterCode, DocumentTemplate.DefaultScope } : [DocumentTemplate.DefaultScope];
        var stored = store is null ? null : await store.FindTemplateAsync(kind, scopes, context.CancellationToken);
        var shipped = DefaultDocumentTemplates.Get(kind);
        var (title, content, key, version) = stored is not null
            ? (stored.Title, stored.Content, $"{kind}@{stored.Scope}", stored.Version)
            : (shipped.Title, shipped.Content, $"{kind}@shipped", shipped.Version);
        var html = renderer.Render(content, model);
        return context.IssueDocument(kind, title, html, CaseData.Text(model["documentNumber"]), key, version);
    }
}

/// <summary>A document's data lacks required fields (a definition or application problem, not a system fault).</summary>
public sealed class DocumentModelException(string message) : Exception(message);
