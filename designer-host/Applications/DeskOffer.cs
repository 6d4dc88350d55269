using System.Text.Json.Nodes;
using Approval.DesignerHost.Apis;

namespace Approval.DesignerHost.Applications;

/// <summary>What the window desk offers an applicant: one matter, or a one-thing package (一件事) received with one form
/// and its merged materials list.</summary>
/// <param name="Guide">The matter's guide, or for a package a guide-shaped view of it (its merged materials), so the desk
/// reads materials and form fields the same way for both.</param>
public sealed record DeskOffer(
    string Code,
    string Name,
    string? Department,
    string? CaseType,
    int? StatutoryLimitDays,
    int? CommittedLimitDays,
    bool AllowsDeficiencyTolerance,
    string DefinitionId,
    JsonObject Guide,
    IReadOnlyList<string> MatterNames)
{
    public bool IsPackage => MatterNames.Count > 0;

    public JsonArray Materials => Guide["materials"] as JsonArray ?? [];

    public static DeskOffer From(MatterView matter) => new(
        matter.Code, matter.Name, matter.Department, matter.CaseType, matter.StatutoryLimitDays, matter.CommittedLimitDays,
        matter.AllowsDeficiencyTolerance, matter.DefinitionId, matter.Guide, []);

    /// <summary>A package: each of its matters keeps its own statutory limit, so the package shows only its combined committed one.</summary>
    public static DeskOffer From(PackageView package) => new(
        package.Code, package.Name, package.Department, null, null, package.CommittedLimitDays, false, package.DefinitionId,
        new JsonObject { ["materials"] = package.Materials.DeepClone() },
        [.. package.Matters.Select(m => m.Name)]);
}
