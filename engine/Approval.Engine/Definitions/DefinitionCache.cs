using System.Collections.Concurrent;
using Approval.Engine.Storage;

namespace Approval.Engine.Definitions;

/// <summary>Parsed definitions by version id, so starting or resuming an instance neither re-reads nor re-parses JSON;
/// and the version each definition was last seen to publish.</summary>
/// <remarks>
/// A version that was ever published never changes, so once parsed it is served from memory for good; a draft is
/// keyed by its revision, so an edit is never missed. The cost per instance therefore stays flat however many
/// versions pile up. Which version is published does change, on any host: a start that uses the remembered one
/// commits only if it is still published (<see cref="WorkflowCommit.PublishedVersionId"/>), and forgets it when not.
/// </remarks>
public sealed class DefinitionCache(IDefinitionStore store)
{
    private const int Limit = 5_000;
    private readonly ConcurrentDictionary<string, Entry> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);

    /// <summary>The id of the version last seen published for a definition, read from the store when not known; null when none is.</summary>
    public async Task<string?> PublishedVersionIdAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue(definitionId, out var known))
        {
            return known;
        }

        if (await store.FindPublishedHeaderAsync(definitionId, cancellationToken) is not { } header)
        {
            return null;
        }

        if (_published.Count >= Limit)
        {
            _published.Clear();
        }

        _published[definitionId] = header.Id;
        return header.Id;
    }

    /// <summary>Forgets the remembered published version of a definition, after a commit found it was no longer published.</summary>
    public void ForgetPublished(string definitionId, string versionId) =>
        _published.TryRemove(new KeyValuePair<string, string>(definitionId, versionId));

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
