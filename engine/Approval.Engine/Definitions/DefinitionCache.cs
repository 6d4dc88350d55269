using System.Collections.Concurrent;
using Approval.Engine.Storage;

namespace Approval.Engine.Definitions;

/// <summary>Parsed definitions by version id, so starting or resuming an instance neither re-reads nor re-parses JSON.</summary>
/// <remarks>
/// A version that was ever published never changes, so once parsed it is served from memory for good; a draft is
/// keyed by its revision, so an edit is never missed. The cost per instance therefore stays flat however many
/// versions pile up.
/// </remarks>
public sealed class DefinitionCache(IDefinitionStore store)
{
    private const int Limit = 5_000;
    private readonly ConcurrentDictionary<string, Entry> _parsed = new(StringComparer.Ordinal);

    /// <summary>The definition of a version row that was already read (JSON included).</summary>
    public WorkflowDefinition Get(DefinitionVersion version)
    {
        if (_parsed.TryGetValue(version.Id, out var entry) && (entry.Immutable || entry.Revision == version.Revision))
        {
            return entry.Definition;
        }

        var definition = DefinitionJson.Read(version.Json).WithVersion(version.Version);
        if (_parsed.Count >= Limit)
        {
            _parsed.Clear();
        }

        _parsed[version.Id] = new Entry(version.Revision, version.WasPublished, definition);
        return definition;
    }

    /// <summary>The definition of a version by id, from memory when it was published, else from the store.</summary>
    public async Task<WorkflowDefinition?> GetAsync(string versionId, CancellationToken cancellationToken)
    {
        if (_parsed.TryGetValue(versionId, out var entry) && entry.Immutable)
        {
            return entry.Definition;
        }

        var version = await store.FindByIdAsync(versionId, cancellationToken);
        return version is null ? null : Get(version);
    }

    private sealed record Entry(long Revision, bool Immutable, WorkflowDefinition Definition);
}
