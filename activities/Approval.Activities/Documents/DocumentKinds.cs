namespace Approval.Activities.Documents;

/// <summary>The documents the government-service activities issue; each value is the kind stored on the document and the name of its template.</summary>
/// <remarks>
/// Kinds are plain strings because stored documents and matter-specific template overrides outlive any enum:
/// an old case file must still name what it holds after the code moves on.
/// </remarks>
public static class DocumentKinds
{
    /// <summary>受理通知书 (受理凭证): the sealed, dated voucher of acceptance Art. 32 requires.</summary>
    public const string AcceptanceReceipt = nameof(AcceptanceReceipt);

    /// <summary>申请材料补正告知书: the one-time notice of everything to supply (Art. 32(4)).</summary>
    public const string CorrectionNotice = nameof(CorrectionNotice);

    /// <summary>不予受理通知书: the sealed, dated refusal of acceptance, with remedies.</summary>
    public const string RefusalOfAcceptanceNotice = nameof(RefusalOfAcceptanceNotice);

    /// <summary>容缺受理承诺书: the applicant's signed promise to supply the tolerated materials in time.</summary>
    public const string DeficiencyCommitmentLetter = nameof(DeficiencyCommitmentLetter);

    /// <summary>容缺受理通知书: the office's notice of what to supply, how, by when, and what a miss means.</summary>
    public const string DeficiencyAcceptanceNotice = nameof(DeficiencyAcceptanceNotice);

    /// <summary>终止办理通知书: the 容缺 deadline passed without the materials.</summary>
    public const string TerminationNotice = nameof(TerminationNotice);

    /// <summary>告知承诺书: the applicant's written commitment in place of proofs.</summary>
    public const string InformedCommitmentLetter = nameof(InformedCommitmentLetter);

    /// <summary>特别程序告知书: the written notice of the time a special procedure needs (Art. 45).</summary>
    public const string SpecialProcedureNotice = nameof(SpecialProcedureNotice);

    /// <summary>听证告知书: the right to request a hearing and, once scheduled, when and where (Art. 47, 48).</summary>
    public const string HearingNotice = nameof(HearingNotice);

    /// <summary>延长办理期限告知书: the approved extension and its reason, which Art. 42 says the applicant must be told.</summary>
    public const string ExtensionNotice = nameof(ExtensionNotice);

    /// <summary>准予行政许可决定书.</summary>
    public const string ApprovalDecision = nameof(ApprovalDecision);

    /// <summary>不予行政许可决定书: reasons and remedies, as Art. 38(2) requires.</summary>
    public const string RejectionDecision = nameof(RejectionDecision);

    /// <summary>Every kind, in the order a case usually meets them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AcceptanceReceipt,
        CorrectionNotice,
        RefusalOfAcceptanceNotice,
        DeficiencyCommitmentLetter,
        DeficiencyAcceptanceNotice,
        TerminationNotice,
        InformedCommitmentLetter,
        SpecialProcedureNotice,
        HearingNotice,
        ExtensionNotice,
        ApprovalDecision,
        RejectionDecision,
    ];
}
