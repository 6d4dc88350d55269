using System.Text.Json.Nodes;
using Approval.Engine.Audit;
using Approval.Engine.Documents;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Issued documents (written by commits, read here) and template versions on EF Core.</summary>
public sealed class EfDocumentStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : IDocumentStore
{
    // Every case read lists the case's documents: compiled, EF skips walking and hashing the query tree each time.
    // Per store, as a compiled query is bound to one provider's model.
    private readonly Func<EngineDbContext, Guid, IAsyncEnumerable<InstanceDocument>> _listedFor =
        EF.CompileAsyncQuery((EngineDbContext db, Guid instanceId) => db.Documents.AsNoTracking()
            .Where(d => d.InstanceId == instanceId)
            .OrderBy(d => d.Sequence)
            .Select(d => new InstanceDocument
            {
                Id = d.Id, InstanceId = d.InstanceId, Kind = d.Kind, Sequence = d.Sequence, Title = d.Title, Number = d.Number, ContentType = d.ContentType, Content = "",
                Sha256 = d.Sha256, TemplateKey = d.TemplateKey, TemplateVersion = d.TemplateVersion, ActivityId = d.ActivityId, CreatedAt = d.CreatedAt, CreatedBy = d.CreatedBy,
            }));

    // Every document issued looks its template up (each scope's newest version), so this one is compiled too.
    private readonly Func<EngineDbContext, string, string[], IAsyncEnumerable<DocumentTemplate>> _newestTemplates =
        EF.CompileAsyncQuery((EngineDbContext db, string kind, string[] scopes) => db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && scopes.Contains(t.Scope))
            .GroupBy(t => t.Scope)
            .Select(g => g.OrderByDescending(t => t.Version).First()));

    public async Task<InstanceDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
    }

    public async Task<IReadOnlyList<InstanceDocument>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var list = new List<InstanceDocument>();
        await foreach (var document in _listedFor(db, instanceId).WithCancellation(cancellationToken))
        {
            list.Add(document);
        }

        return list;
    }

    public async Task<DocumentTemplate?> FindTemplateAsync(string kind, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var candidates = new List<DocumentTemplate>();
        await foreach (var template in _newestTemplates(db, kind, [.. scopes]).WithCancellation(cancellationToken))
        {
            candidates.Add(template);
        }

        return scopes.Select(scope => candidates.FirstOrDefault(t => t.Scope == scope)).FirstOrDefault(t => t is not null);
    }

    public async Task<IReadOnlyList<DocumentTemplate>> ListTemplateVersionsAsync(string? kind, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.DocumentTemplates.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(t => t.Kind == kind);
        }

        return await query.OrderBy(t => t.Kind).ThenBy(t => t.Scope).ThenBy(t => t.Version).ToListAsync(cancellationToken);
    }

    public async Task<DocumentTemplate> AddTemplateVersionAsync(string kind, string scope, string title, string content, string createdBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var _ = await gate.EnterAsync(cancellationToken);
            await using var db = contexts.Create();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var latest = await db.DocumentTemplates.Where(t => t.Kind == kind && t.Scope == scope).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
            var template = new DocumentTemplate { Kind = kind, Scope = scope, Version = latest + 1, Title = title, Content = content, CreatedAt = at, CreatedBy = createdBy };
            db.DocumentTemplates.Add(template);
            try
            {
                var before = latest == 0 ? null : new JsonObject { ["version"] = latest };
                var after = new JsonObject { ["version"] = template.Version, ["title"] = title, ["sha256"] = InstanceDocument.HashOf(content) };
                await AuditAppender.AppendAsync(db, contexts.Provider, new AuditRecord(AuditActions.DocumentTemplateSave, $"document-template:{kind}/{scope}@{template.Version}", createdBy, before, after), at, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return template;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) && attempt < 5)
            {
                // Someone saved the same version number at the same moment; take the next one.
            }
        }
    }
}
