using System.Text.Json.Nodes;
using Approval.Engine.Execution;

namespace Approval.Workflows.Catalogue;

/// <summary>A one-thing package (一件事): several matters applied for with one form and one set of materials, run in parallel
/// as child workflows, under the package's own combined committed limit.</summary>
/// <remarks>The package's guide is its definition's <c>customProperties.package</c>: code, name, lead department, combined
/// limit and the codes of its matters. Its materials are not listed there: they are the merge of its matters' materials.</remarks>
public sealed record Package(string DefinitionId, string VersionId, int Version, JsonObject Guide)
{
    public const string GuideProperty = "package";

    public string Code => Text("code") ?? DefinitionId;

    public string Name => Text("name") ?? DefinitionId;

    public string? Department => Text("department");

    public string DepartmentCode => Text("departmentCode") ?? "YJ";

    public int? CommittedLimitDays => JsonValues.Int32Of(Guide["committedLimitDays"]);

    /// <summary>Why no application is taken on <paramref name="today"/>, or null when it is open (<see cref="GuideLifecycle"/>).</summary>
    public string? ClosedReason(DateOnly today) => GuideLifecycle.ClosedReason(Guide, today);

    /// <summary>The codes of the package's matters, in the order the guide lists them.</summary>
    public IReadOnlyList<string> MatterCodes => Guide["matters"] is JsonArray matters
        ? [.. matters.Select(m => m is JsonObject o ? JsonValues.StringOf(o["code"]) : JsonValues.StringOf(m)).OfType<string>()]
        : [];

    private string? Text(string name) => JsonValues.StringOf(Guide[name]);
}
