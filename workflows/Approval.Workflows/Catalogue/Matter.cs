using System.Text.Json.Nodes;

namespace Approval.Workflows.Catalogue;

/// <summary>A matter (事项) as the catalogue lists it: its guide (办事指南) and the published workflow version it runs on.</summary>
/// <remarks>The guide is the definition's <c>customProperties.matter</c>, so guide and workflow are published together as one version.</remarks>
public sealed record Matter(string DefinitionId, string VersionId, int Version, JsonObject Guide)
{
    public const string GuideProperty = "matter";

    public string Code => Text("code") ?? DefinitionId;

    public string Name => Text("name") ?? DefinitionId;

    public string? Department => Text("department");

    /// <summary>Letters that open this matter's case numbers; the department's initials.</summary>
    public string DepartmentCode => Text("departmentCode") ?? "GD";

    /// <summary>Why no application is taken on <paramref name="today"/>, or null when it is open (<see cref="GuideLifecycle"/>).</summary>
    public string? ClosedReason(DateOnly today) => GuideLifecycle.ClosedReason(Guide, today);

    private string? Text(string name) => Approval.Engine.Execution.JsonValues.StringOf(Guide[name]);
}
