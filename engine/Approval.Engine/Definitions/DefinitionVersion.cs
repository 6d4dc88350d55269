namespace Approval.Engine.Definitions;

/// <summary>One stored version of a definition: a row per version, with the definition's JSON.</summary>
/// <remarks>
/// At most one version of a definition is latest and at most one is published. A published version's JSON never
/// changes; editing it creates the next version as a draft.
/// </remarks>
public sealed class DefinitionVersion
{
    /// <summary>The version's own id (<c>definitionId:vN</c>); instances point at it.</summary>
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>True once the version has been published at least once; such a version is read-only for ever.</summary>
    public bool WasPublished { get; set; }

    /// <summary>The canonical definition JSON (Elsa 3's shape, our type names).</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? CreatedBy { get; set; }

    public long Revision { get; set; }

    public static string MakeId(string definitionId, int version) => $"{definitionId}:v{version}";
}
