using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;

namespace Approval.Workflows.Catalogue;

/// <summary>The matters and one-thing packages on offer: every definition whose published version carries a guide.</summary>
/// <remarks>
/// Finding one matter by its code is on the path of every submission, so codes are remembered against their
/// definition ids and a lookup costs one header read (the definition itself comes from the cache); the whole
/// catalogue is read again only for a code not seen yet.
/// </remarks>
public sealed class MatterCatalogue(IDefinitionStore definitions, DefinitionCache cache, MatterCodeIndex index)
{
    public async Task<IReadOnlyList<Matter>> ListAsync(CancellationToken cancellationToken)
    {
        var matters = new List<Matter>();
        foreach (var latest in await definitions.ListLatestAsync(cancellationToken))
        {
            if (await PublishedMatterAsync(latest.DefinitionId, cancellationToken) is { } matter)
            {
                matters.Add(matter);
                index.Remember(matter.Code, matter.DefinitionId);
            }
        }

        return [.. matters.OrderBy(m => m.Code, StringComparer.Ordinal)];
    }

    /// <summary>The matter by its code (or its definition id), or null.</summary>
    public async Task<Matter?> FindAsync(string code, CancellationToken cancellationToken)
    {
        foreach (var definitionId in new[] { index.DefinitionOf(code), code }.OfType<string>().Distinct())
        {
            if (await PublishedMatterAsync(definitionId, cancellationToken) is { } matter && (matter.Code == code || matter.DefinitionId == code))
            {
                return matter;
            }
        }

        // A code not seen yet (a matter published on another host): read the catalogue once to learn it.
        return (await ListAsync(cancellationToken)).FirstOrDefault(m => m.Code == code);
    }

    /// <summary>Every one-thing package with a published definition; packages are few, so they are read in full.</summary>
    public async Task<IReadOnlyList<Package>> ListPackagesAsync(CancellationToken cancellationToken)
    {
        var packages = new List<Package>();
        foreach (var latest in await definitions.ListLatestAsync(cancellationToken))
        {
            if (await PublishedGuideAsync(latest.DefinitionId, Package.GuideProperty, cancellationToken) is { } found)
            {
                packages.Add(new Package(found.DefinitionId, found.VersionId, found.Version, found.Guide));
            }
        }

        return [.. packages.OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>The package by its code (or definition id), or null.</summary>
    public async Task<Package?> FindPackageAsync(string code, CancellationToken cancellationToken) =>
        (await ListPackagesAsync(cancellationToken)).FirstOrDefault(p => p.Code == code || p.DefinitionId == code);

    private async Task<Matter?> PublishedMatterAsync(string definitionId, CancellationToken cancellationToken) =>
        await PublishedGuideAsync(definitionId, Matter.GuideProperty, cancellationToken) is { } found
            ? new Matter(found.DefinitionId, found.VersionId, found.Version, found.Guide)
            : null;

    /// <summary>The guide a definition's published version carries under <paramref name="property"/> (matter or package), or null.</summary>
    private async Task<PublishedGuide?> PublishedGuideAsync(string definitionId, string property, CancellationToken cancellationToken) =>
        await definitions.FindPublishedHeaderAsync(definitionId, cancellationToken) is { } published
        && await cache.GetAsync(published.Id, cancellationToken) is { } definition
        && definition.CustomProperties?[property] is JsonObject guide
            ? new PublishedGuide(definition.DefinitionId, published.Id, published.Version, guide)
            : null;

    private sealed record PublishedGuide(string DefinitionId, string VersionId, int Version, JsonObject Guide);
}

/// <summary>Which definition carries which matter code, learnt as matters are read; shared by every request of this host.</summary>
public sealed class MatterCodeIndex
{
    private readonly ConcurrentDictionary<string, string> _definitions = new(StringComparer.Ordinal);

    public void Remember(string code, string definitionId) => _definitions[code] = definitionId;

    public string? DefinitionOf(string code) => _definitions.GetValueOrDefault(code);
}
