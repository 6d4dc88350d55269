using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;

namespace Approval.Workflows.Catalogue;

/// <summary>The matters on offer: every definition whose published version carries a guide.</summary>
public sealed class MatterCatalogue(IDefinitionStore definitions, DefinitionCache cache)
{
    public async Task<IReadOnlyList<Matter>> ListAsync(CancellationToken cancellationToken)
    {
        var matters = new List<Matter>();
        foreach (var latest in await definitions.ListLatestAsync(cancellationToken))
        {
            if (await definitions.FindPublishedHeaderAsync(latest.DefinitionId, cancellationToken) is not { } published
                || await cache.GetAsync(published.Id, cancellationToken) is not { } definition
                || definition.CustomProperties?[Matter.GuideProperty] is not JsonObject guide)
            {
                continue;
            }

            matters.Add(new Matter(definition.DefinitionId, published.Id, published.Version, guide));
        }

        return [.. matters.OrderBy(m => m.Code, StringComparer.Ordinal)];
    }

    /// <summary>The matter by its code (or its definition id), or null.</summary>
    public async Task<Matter?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(m => m.Code == code || m.DefinitionId == code);
}
