using System.Text.Json.Nodes;
using Approval.Activities.Acceptance;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Applications;

/// <summary>What the applicant handed in, as the case holds it: the applicant, the form and each material of the guide,
/// received (at the window or supplied later) or not.</summary>
/// <remarks><see cref="Approval.Workflows.Applications.ApplicationView"/> is the contract's view and leaves these out;
/// the pages that decide or receive a case need them.</remarks>
public sealed record CaseParticulars(
    string? ApplicantName,
    string? IdType,
    string? IdNumber,
    string? Phone,
    string? ReceivedBy,
    JsonObject Form,
    IReadOnlyList<CaseMaterial> Materials,
    IReadOnlyDictionary<string, string> StepNames)
{
    public static async Task<CaseParticulars?> ReadAsync(IWorkflowStore store, DefinitionCache definitions, Guid applicationId, IReadOnlyCollection<string> missingCodes, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(applicationId, cancellationToken) is not { } instance)
        {
            return null;
        }

        // The steps' names as the version the case runs on calls them, for a timeline people can read.
        var definition = await definitions.GetAsync(instance.DefinitionVersionId, cancellationToken);
        var names = definition?.Root.Activities.Where(a => a.Name is { Length: > 0 }).ToDictionary(a => a.Id, a => a.Name!, StringComparer.Ordinal) ?? [];
        return From(instance, missingCodes, names);
    }

    public static CaseParticulars? From(WorkflowInstance instance, IReadOnlyCollection<string> missingCodes, IReadOnlyDictionary<string, string> stepNames)
    {
        if (instance.Input["application"] is not JsonObject application)
        {
            return null;
        }

        var received = MaterialCheck.Codes(application["materials"]);
        received.UnionWith(MaterialCheck.Codes(instance.Variables[AcceptOnReceiptActivity.SupplementsVariable]));
        var guide = instance.Input["guide"] as JsonObject ?? [];
        var materials = GuideMaterials(guide)
            .Select(m => new CaseMaterial(m.Code, m.Name, m.Required, m.Tolerable, received.Contains(m.Code), missingCodes.Contains(m.Code)))
            .ToList();
        var applicant = application["applicant"] as JsonObject;
        return new CaseParticulars(
            JsonValues.StringOf(applicant?["name"]),
            JsonValues.StringOf(applicant?["idType"]),
            JsonValues.StringOf(applicant?["idNumber"]),
            JsonValues.StringOf(applicant?["phone"]),
            JsonValues.StringOf(application["receivedBy"]),
            application["form"] as JsonObject ?? [],
            materials,
            stepNames);
    }

    /// <summary>The guide's materials; none for a guide without a list (a workflow run outside the catalogue).</summary>
    public static IReadOnlyList<GuideMaterial> GuideMaterials(JsonObject guide) =>
        guide["materials"] is JsonArray ? MaterialCheck.ReadGuide(guide) : [];

    /// <summary>The codes of a view's missing materials (<c>[{code, name, requirement}]</c>).</summary>
    public static IReadOnlyCollection<string> CodesOf(JsonArray missingMaterials) => MaterialCheck.Codes(missingMaterials);
}

/// <summary>One material of the guide in a case: whether it was received, and whether the case still waits for it.</summary>
public sealed record CaseMaterial(string Code, string Name, bool Required, bool Tolerable, bool Received, bool Missing);
