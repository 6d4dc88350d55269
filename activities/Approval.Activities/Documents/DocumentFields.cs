using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Approval.Activities.Documents;

/// <summary>The model fields each document cannot go out without, and a check that a model has them.</summary>
/// <remarks>
/// A notice missing its seal text, its number or the materials it exists to list is not a lawful notice (Art. 32
/// asks for a sealed, dated voucher; Art. 32(4) for <em>every</em> material to supply), so activities refuse to issue
/// one instead of printing blanks. Paths use dots for members; <c>name[]</c> means "each element of the list
/// <c>name</c>", so <c>missingMaterials[].requirement</c> demands a requirement on every listed material.
/// Optional fields (contact, phone, a competent authority, a scheduled hearing, …) are printed when present.
/// </remarks>
public static class DocumentFields
{
    /// <summary>What every document carries: its numbers and date, the issuing office and its seal, the applicant and the matter.</summary>
    public static IReadOnlyList<string> Common { get; } =
        ["caseNumber", "documentNumber", "issuedOn", "office.name", "office.sealText", "applicant.name", "matter.name"];

    private static readonly string[] Remedies = ["remedies.reviewBody", "remedies.court"];

    private static readonly FrozenDictionary<string, string[]> Own = new Dictionary<string, string[]>
    {
        [DocumentKinds.AcceptanceReceipt] =
            ["applicant.idNumber", "receivedAt", "acceptedOn", "materials", "materials[].name", "handler.name", "committedDueDate"],
        [DocumentKinds.CorrectionNotice] =
            ["receivedOn", "missingMaterials", "missingMaterials[].name", "missingMaterials[].requirement", "handler.name"],
        [DocumentKinds.RefusalOfAcceptanceNotice] = ["receivedOn", "reason", .. Remedies],
        [DocumentKinds.DeficiencyCommitmentLetter] =
            ["applicant.idNumber", "toleratedMaterials", "toleratedMaterials[].name", "supplementChannel", "supplementDeadline"],
        [DocumentKinds.DeficiencyAcceptanceNotice] =
            ["toleratedMaterials", "toleratedMaterials[].name", "supplementChannel", "supplementDeadline", "handler.name", "acceptedOn", "committedDueDate"],
        [DocumentKinds.TerminationNotice] =
            ["missingMaterials", "missingMaterials[].name", "supplementDeadline", "reason", .. Remedies],
        [DocumentKinds.InformedCommitmentLetter] =
            ["applicant.idNumber", "proofs", "proofs[].name", "proofs[].obligation", "proofs[].content", "commitmentMethod", "liability", "verificationMethod", "verificationDays"],
        [DocumentKinds.SpecialProcedureNotice] = ["procedure.name", "reason", "expectedWorkingDays", "expectedEndDate"],
        [DocumentKinds.HearingNotice] = ["requestDeadline"],
        [DocumentKinds.ExtensionNotice] = ["reason", "extensionDays", "approvedBy", "newDueDate"],
        [DocumentKinds.ApprovalDecision] =
            ["applicant.idNumber", "decidedOn", "licence.name", "licence.number", "licence.validFrom", "licence.validUntil"],
        [DocumentKinds.RejectionDecision] =
            ["applicant.idNumber", "decidedOn", "reasons", "legalBasis", .. Remedies],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The paths a document of <paramref name="kind"/> needs: <see cref="Common"/>, then its own.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of <see cref="DocumentKinds"/>.</exception>
    public static IReadOnlyList<string> RequiredFor(string kind) =>
        Own.TryGetValue(kind, out var own)
            ? [.. Common, .. own]
            : throw new ArgumentException($"'{kind}' is not a known document kind; known kinds: {string.Join(", ", DocumentKinds.All)}.", nameof(kind));

    /// <summary>The required paths that are absent, null, blank or an empty list in <paramref name="model"/>; list elements are named by index (<c>missingMaterials[1].requirement</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of <see cref="DocumentKinds"/>.</exception>
    public static IReadOnlyList<string> Missing(string kind, JsonObject model)
    {
        var missing = new List<string>();
        foreach (var path in RequiredFor(kind))
        {
            Collect(model, path.Split('.'), 0, "", missing);
        }

        return missing;
    }

    private static void Collect(JsonNode? node, string[] segments, int index, string prefix, List<string> missing)
    {
        if (index == segments.Length)
        {
            if (!IsPresent(node))
            {
                missing.Add(prefix);
            }

            return;
        }

        var segment = segments[index];
        var each = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = each ? segment[..^2] : segment;
        var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
        var child = (node as JsonObject)?[name];
        if (!each)
        {
            Collect(child, segments, index + 1, path, missing);
            return;
        }

        // The list itself is required by its own path; here only its elements are checked.
        if (child is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Collect(items[i], segments, index + 1, $"{path}[{i}]", missing);
            }
        }
    }

    private static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value when value.TryGetValue<string>(out var text) => !string.IsNullOrWhiteSpace(text),
        _ => true,
    };
}
