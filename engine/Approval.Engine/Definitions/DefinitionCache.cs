using System.Collections.Concurrent;

namespace Approval.Engine.Definitions;

/// <summary>Parsed definitions by version id, so an instance's start or resume does not re-parse JSON.</summary>
/// <remarks>
/// Keyed by version id and revision: a published version never changes, and a draft that does changes its revision,
/// so an entry is never stale. Cost per instance therefore stays flat however many versions pile up.
/// </remarks>
public sealed class DefinitionCache
{
    private const int Limit = 5_000;
    private readonly ConcurrentDictionary<string, (long Revision, WorkflowDefinition Definition)> _parsed = new(StringComparer.Ordinal);

    public WorkflowDefinition Get(DefinitionVersion version)
    {
        if (_parsed.TryGetValue(version.Id, out var entry) && entry.Revision == version.Revision)
        {
            return entry.Definition;
        }

        var definition = DefinitionJson.Read(version.Json).WithVersion(version.Version);
        if (_parsed.Count >= Limit)
        {
            _parsed.Clear();
        }

        _parsed[version.Id] = (version.Revision, definition);
        return definition;
    }

    /// <summary>The cached definition of a version whose revision is known, without reading its JSON again.</summary>
    public WorkflowDefinition? TryGet(string versionId, long revision) =>
        _parsed.TryGetValue(versionId, out var entry) && entry.Revision == revision ? entry.Definition : null;
}
