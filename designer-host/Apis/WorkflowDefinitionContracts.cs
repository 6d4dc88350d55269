using Approval.Engine.Definitions;

namespace Approval.DesignerHost.Apis;

// The bodies of /api/workflow-definitions other than the definition document itself, which is Elsa 3's JSON shape.

/// <summary>One version of a definition, without its flowchart.</summary>
public sealed record DefinitionSummary(
    string Id,
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsLatest,
    bool IsPublished,
    bool WasPublished,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string? CreatedBy)
{
    public static DefinitionSummary From(DefinitionVersion row) => new(
        row.Id, row.DefinitionId, row.Version, row.Name, row.Description, row.IsLatest, row.IsPublished, row.WasPublished,
        row.CreatedAt, row.UpdatedAt, row.PublishedAt, row.CreatedBy);
}

/// <summary>The answer of <c>POST /api/workflow-definitions/validate</c>: every problem, located at its activity and input.</summary>
public sealed record ValidationResult(bool Valid, IReadOnlyList<DefinitionError> Errors);

public sealed record RollbackRequest(int? Version);
