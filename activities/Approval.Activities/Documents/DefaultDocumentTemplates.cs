using System.Collections.Frozen;
using System.Reflection;

namespace Approval.Activities.Documents;

/// <summary>The templates shipped in this assembly, one per <see cref="DocumentKinds">kind</see>.</summary>
/// <remarks>
/// They are embedded resources rather than C# strings so the HTML stays editable as HTML, and rather than files on
/// disk so a host cannot lose them: a case must always be able to issue its receipt, even on an empty database.
/// </remarks>
public static class DefaultDocumentTemplates
{
    /// <summary>The shipped version; bump it when a template's wording or fields change.</summary>
    private const int ShippedVersion = 1;

    private const string ResourcePrefix = "Approval.Activities.Documents.Templates.";

    private static readonly (string Kind, string Title)[] Shipped =
    [
        (DocumentKinds.AcceptanceReceipt, "受理通知书"),
        (DocumentKinds.CorrectionNotice, "申请材料补正告知书"),
        (DocumentKinds.RefusalOfAcceptanceNotice, "不予受理通知书"),
        (DocumentKinds.DeficiencyCommitmentLetter, "容缺受理承诺书"),
        (DocumentKinds.DeficiencyAcceptanceNotice, "容缺受理通知书"),
        (DocumentKinds.TerminationNotice, "终止办理通知书"),
        (DocumentKinds.InformedCommitmentLetter, "告知承诺书"),
        (DocumentKinds.SpecialProcedureNotice, "特别程序告知书"),
        (DocumentKinds.HearingNotice, "听证告知书"),
        (DocumentKinds.ExtensionNotice, "延长办理期限告知书"),
        (DocumentKinds.ApprovalDecision, "准予行政许可决定书"),
        (DocumentKinds.RejectionDecision, "不予行政许可决定书"),
    ];

    private static readonly Lazy<FrozenDictionary<string, DocumentTemplateDefinition>> ByKind = new(Load);

    private static readonly Lazy<IReadOnlyList<DocumentTemplateDefinition>> InOrder = new(() => [.. Shipped.Select(s => ByKind.Value[s.Kind])]);

    /// <summary>Every shipped template, in the order of <see cref="DocumentKinds.All"/>.</summary>
    public static IReadOnlyList<DocumentTemplateDefinition> All => InOrder.Value;

    /// <exception cref="ArgumentException">No template is shipped for <paramref name="kind"/>.</exception>
    public static DocumentTemplateDefinition Get(string kind) =>
        ByKind.Value.TryGetValue(kind, out var definition)
            ? definition
            : throw new ArgumentException($"No document template is shipped for '{kind}'; known kinds: {string.Join(", ", DocumentKinds.All)}.", nameof(kind));

    private static FrozenDictionary<string, DocumentTemplateDefinition> Load()
    {
        var assembly = typeof(DefaultDocumentTemplates).Assembly;
        return Shipped.ToFrozenDictionary(
            s => s.Kind,
            s => new DocumentTemplateDefinition(s.Kind, ShippedVersion, s.Title, Read(assembly, s.Kind)),
            StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string kind)
    {
        var name = $"{ResourcePrefix}{kind}.html.sbn";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The template resource '{name}' is not embedded; check the EmbeddedResource item in Approval.Activities.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
