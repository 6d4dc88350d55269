using System.Linq.Expressions;
using Approval.Engine.Audit;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Definition versions on EF Core, a row per version.</summary>
public sealed class EfDefinitionStore(EngineDbContextFactory contexts, SqliteWriteGate gate, TimeProvider time, KeyLookups lookups) : IDefinitionStore
{
    // Compiled per store rather than statically: a compiled query is bound to one model, and each provider has its own.
    private readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionVersion?>> _byId =
        EF.CompileAsyncQuery((EngineDbContext db, string id, CancellationToken _) => db.DefinitionVersions.AsNoTracking().FirstOrDefault(d => d.Id == id));

    private readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionVersion?>> _published =
        EF.CompileAsyncQuery((EngineDbContext db, string definitionId, CancellationToken _) =>
            db.DefinitionVersions.AsNoTracking().FirstOrDefault(d => d.DefinitionId == definitionId && d.IsPublished));

    private readonly Func<EngineDbContext, string, CancellationToken, Task<DefinitionVersion?>> _latest =
        EF.CompileAsyncQuery((EngineDbContext db, string definitionId, CancellationToken _) =>
            db.DefinitionVersions.AsNoTracking().FirstOrDefault(d => d.DefinitionId == definitionId && d.IsLatest));

    public async Task<DefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _byId(db, versionId, cancellationToken);
    }

    public async Task<DefinitionVersion?> FindLatestAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _latest(db, definitionId, cancellationToken);
    }

    public async Task<DefinitionVersion?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await _published(db, definitionId, cancellationToken);
    }

    public Task<DefinitionVersion?> FindPublishedHeaderAsync(string definitionId, CancellationToken cancellationToken) =>
        lookups.FindPublishedHeaderAsync(definitionId, cancellationToken);

    public async Task<DefinitionVersion?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.DefinitionVersions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(WithoutJson)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.DefinitionVersions.AsNoTracking()
            .Where(d => d.IsLatest)
            .OrderBy(d => d.DefinitionId)
            .Select(WithoutJson)
            .ToListAsync(cancellationToken);
    }

    public async Task SaveAsync(IReadOnlyList<DefinitionVersion> added, IReadOnlyList<DefinitionVersion> updated, AuditRecord? audit, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (audit is not null)
        {
            await AuditAppender.AppendAsync(db, contexts.Provider, audit, time.GetUtcNow(), cancellationToken);
        }

        foreach (var version in added)
        {
            version.Revision = 1;
            db.DefinitionVersions.Add(version);
        }

        var expected = updated.ToDictionary(v => v.Id, v => v.Revision);
        foreach (var version in updated)
        {
            var entry = db.DefinitionVersions.Attach(version);
            entry.State = EntityState.Modified;
            entry.Property(v => v.Revision).OriginalValue = version.Revision;
            version.Revision++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var version in updated)
            {
                version.Revision = expected[version.Id];
            }

            throw new ConcurrencyConflictException("A definition version changed since it was read.", ex);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new DuplicateKeyException("That definition version was created by someone else at the same moment.", ex);
        }
    }

    /// <summary>A projection that leaves the JSON column unread, for lists and cache look-ups.</summary>
    private static readonly Expression<Func<DefinitionVersion, DefinitionVersion>> WithoutJson = d => new DefinitionVersion
    {
        Id = d.Id,
        DefinitionId = d.DefinitionId,
        Version = d.Version,
        Name = d.Name,
        Description = d.Description,
        IsLatest = d.IsLatest,
        IsPublished = d.IsPublished,
        WasPublished = d.WasPublished,
        Json = "",
        CreatedAt = d.CreatedAt,
        UpdatedAt = d.UpdatedAt,
        PublishedAt = d.PublishedAt,
        CreatedBy = d.CreatedBy,
        Revision = d.Revision,
    };
}
