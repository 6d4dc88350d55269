using Approval.Engine.Definitions;

namespace Approval.Engine.Storage;

/// <summary>Stores definition versions, a row per version.</summary>
public interface IDefinitionStore
{
    Task<DefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> FindLatestAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The published version without its JSON: enough to find it in the cache.</summary>
    Task<DefinitionVersion?> FindPublishedHeaderAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken);

    /// <summary>Every version of one definition, newest first, without the JSON.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>The latest version of every definition, without the JSON.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="added"/> and updates <paramref name="updated"/> (checking their revisions) in one transaction,
    /// with the audit entry that records who did it, when the change comes from a person.</summary>
    /// <exception cref="ConcurrencyConflictException">A version changed since it was read.</exception>
    /// <exception cref="DuplicateKeyException">The version number was taken by a concurrent save.</exception>
    Task SaveAsync(IReadOnlyList<DefinitionVersion> added, IReadOnlyList<DefinitionVersion> updated, Audit.AuditRecord? audit, CancellationToken cancellationToken);
}
