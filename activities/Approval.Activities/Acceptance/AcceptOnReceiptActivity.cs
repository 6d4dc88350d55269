using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>收件即受理: checks the materials against the guide and decides acceptance at the window, at once.</summary>
/// <remarks>
/// Complete → accepted now: the case clock starts at receipt (a rest-day receipt is accepted on the next working day)
/// and the 受理凭证 is issued. Only tolerable materials missing, where the matter allows 容缺 → accepted the same way,
/// through <c>AcceptedWithDeficiency</c>, for <see cref="DeficiencyTolerantAcceptanceActivity"/> to follow. Required
/// materials missing → <c>CorrectionRequired</c>, for the one-time notice. Outside the office's competence, or no licence
/// needed (Art. 32(1)(2)) → the 不予受理通知书 and <c>Refused</c>. The result is also written to the <c>acceptance</c> variable.
/// </remarks>
public sealed class AcceptOnReceiptActivity(DocumentIssuer documents) : Activity
{
    public const string AcceptanceVariable = "acceptance";

    public override ActivityDescriptor Descriptor { get; } = new(
        "AcceptOnReceipt", ActivityCategories.Acceptance, new("收件即受理", "Accept on receipt"),
        new("对照办事指南核验材料：齐全即受理并出具受理凭证、起算时限；缺容缺材料转容缺受理；缺必要材料转一次性告知；不属职权或无需许可的不予受理。",
            "Checks the materials against the guide: complete → accepted with a receipt and the clock started; only tolerable ones missing → deficiency-tolerant acceptance; required ones missing → one-time notice; outside competence or no licence needed → refusal."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("refuseReason", "String", new("不予受理理由", "Refusal reason")),
            new InputDescriptor("competentAuthority", "String", new("有权机关", "Competent authority")),
        ],
        ["Accepted", "AcceptedWithDeficiency", "CorrectionRequired", "Refused"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        if (RefusalReason(context, data) is { } reason)
        {
            var model = data.DocumentModel("RefusalOfAcceptanceNotice", context.Now);
            model["reason"] = reason;
            model["competentAuthority"] = context.GetString("competentAuthority") ?? CaseData.Text(data.Guide["competentAuthority"]);
            model["remedies"] = CaseModels.Remedies(data);
            await documents.IssueAsync(context, "RefusalOfAcceptanceNotice", model, data.MatterCode);
            context.SetVariable(AcceptanceVariable, new JsonObject { ["status"] = "RefusedAcceptance", ["reason"] = reason });
            return ActivityResult.Complete("Refused");
        }

        var check = Check(context, data);
        var tolerated = check.OnlyTolerableMissing && data.Guide["allowsDeficiencyTolerance"] is JsonValue v && v.TryGetValue<bool>(out var allows) && allows;
        if (!check.Complete && !tolerated)
        {
            context.SetVariable(AcceptanceVariable, new JsonObject
            {
                ["status"] = "CorrectionRequested",
                ["missingMaterials"] = CaseModels.Missing(check.AllMissing),
            });
            return ActivityResult.Complete("CorrectionRequired");
        }

        await AcceptAsync(context, documents, data, check, data.ReceivedAt(context.Now), tolerated ? "AcceptedWithDeficiency" : "Accepted");
        return ActivityResult.Complete(tolerated ? "AcceptedWithDeficiency" : "Accepted");
    }

    /// <summary>Accepts the case: starts its clock at <paramref name="acceptedAt"/>, issues the receipt, records the result.</summary>
    internal static async ValueTask AcceptAsync(ActivityExecutionContext context, DocumentIssuer documents, CaseData data, MaterialCheckResult check, DateTimeOffset acceptedAt, string status)
    {
        // The receipt is issued from a clock not yet started, so a receipt that cannot be issued leaves no clock behind.
        var limits = new ClockLimits(data.CommittedLimitDays, data.StatutoryLimitDays);
        var subject = $"{data.CaseNumber} {data.MatterName}";
        var reading = ClockCalculator.Read(LegalClock.Start(LegalClock.CaseClockName, limits, acceptedAt, context.Actor, context.Calendar), context.Calendar, context.Now);
        var model = data.DocumentModel("AcceptanceReceipt", context.Now);
        model["materials"] = CaseModels.Received(data, check.Satisfied);
        CaseModels.AddDueDates(model, reading);
        await documents.IssueAsync(context, "AcceptanceReceipt", model, data.MatterCode);
        context.StartClock(LegalClock.CaseClockName, limits, acceptedAt, subject, data.Department);
        var result = new JsonObject
        {
            ["status"] = status,
            ["acceptedAt"] = acceptedAt.ToString("O"),
            ["missingMaterials"] = CaseModels.Missing(check.AllMissing),
        };
        CaseModels.AddDueDates(result, reading);
        context.SetVariable(AcceptanceVariable, result);
    }

    /// <summary>The materials the applicant has given so far: the application's, plus supplements recorded since.</summary>
    internal static MaterialCheckResult Check(ActivityExecutionContext context, CaseData data)
    {
        var submitted = MaterialCheck.Codes(data.Application["materials"]);
        submitted.UnionWith(MaterialCheck.Codes(context.GetVariable(SupplementsVariable)));
        return MaterialCheck.Check(MaterialCheck.ReadGuide(data.Guide), submitted, MaterialCheck.Codes(data.Application["eLicences"]));
    }

    /// <summary>The variable where supplements accumulate, so every later check sees them.</summary>
    public const string SupplementsVariable = "suppliedMaterials";

    private static string? RefusalReason(ActivityExecutionContext context, CaseData data)
    {
        if (context.GetString("refuseReason") is { Length: > 0 } reason)
        {
            return reason;
        }

        if (data.Application["noLicenceRequired"] is JsonValue none && none.TryGetValue<bool>(out var noLicence) && noLicence)
        {
            return "该申请事项依法不需要取得行政许可（《中华人民共和国行政许可法》第三十二条第一款第一项）。";
        }

        return data.Application["outsideCompetence"] is JsonValue outside && outside.TryGetValue<bool>(out var isOutside) && isOutside
            ? "该申请事项依法不属于本行政机关职权范围（《中华人民共和国行政许可法》第三十二条第一款第二项）。"
            : null;
    }
}
