using Approval.Engine.Definitions;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Designer;

/// <summary>The designer's list of definitions: each with its latest and its published version.</summary>
public sealed class DefinitionLibrary(IDefinitionStore store)
{
    public async Task<IReadOnlyList<DefinitionEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<DefinitionEntry>();
        foreach (var latest in await store.ListLatestAsync(cancellationToken))
        {
            var published = latest.IsPublished ? latest : await store.FindPublishedHeaderAsync(latest.DefinitionId, cancellationToken);
            entries.Add(new DefinitionEntry(latest.DefinitionId, latest.Name, latest.Description, latest.Version, published?.Version, latest.UpdatedAt, latest.CreatedBy));
        }

        return [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }
}

/// <summary>One definition in the designer's list.</summary>
/// <param name="PublishedVersion">The version in service, or null when none is.</param>
public sealed record DefinitionEntry(string DefinitionId, string Name, string? Description, int LatestVersion, int? PublishedVersion, DateTimeOffset UpdatedAt, string? CreatedBy)
{
    public bool HasUnpublishedDraft => PublishedVersion != LatestVersion;
}
