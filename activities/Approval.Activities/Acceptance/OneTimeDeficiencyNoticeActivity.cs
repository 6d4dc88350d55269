using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>一次性告知: one notice listing every missing or non-conforming material, then waiting for the supplements.</summary>
/// <remarks>
/// The notice is issued once, listing all of them (Art. 32(4)); supplements arrive as the <c>supplement</c> signal with
/// <c>{materials:[{code}]}</c> and accumulate. When the last one arrives the case is accepted with that day as its
/// acceptance date, the clock starts and the receipt is issued (<c>Accepted</c>). The applicant may withdraw instead,
/// with <c>{withdraw:true}</c> (<c>Withdrawn</c>). Nothing counts against the limit before acceptance.
/// </remarks>
public sealed class OneTimeDeficiencyNoticeActivity(DocumentIssuer documents) : Activity
{
    public const string SupplementSignal = "supplement";

    public override ActivityDescriptor Descriptor { get; } = new(
        "OneTimeDeficiencyNotice", ActivityCategories.Acceptance, new("一次性告知", "One-time deficiency notice"),
        new("一次性告知需补正的全部材料，等待补正；补齐之日为受理日期。申请人可撤回。",
            "Tells the applicant every missing material at once and waits for supplements; the day the last arrives is the acceptance date. The applicant may withdraw."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("supplementChannel", "String", new("补正方式", "Supplement channel"), DefaultValue: JsonValue.Create("窗口或网上提交")),
        ],
        ["Accepted", "Withdrawn"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var check = AcceptOnReceiptActivity.Check(context, data);
        if (check.Complete)
        {
            // Nothing to ask for (the flow routed here although the materials are complete): accept at once.
            await AcceptOnReceiptActivity.AcceptAsync(context, documents, data, check, context.Now, "Accepted");
            return ActivityResult.Complete("Accepted");
        }

        var model = data.DocumentModel("CorrectionNotice", context.Now);
        model["missingMaterials"] = CaseModels.Missing(check.AllMissing);
        model["supplementChannel"] = context.GetString("supplementChannel");
        await documents.IssueAsync(context, "CorrectionNotice", model, data.MatterCode);
        context.SetVariable(AcceptOnReceiptActivity.AcceptanceVariable, new JsonObject
        {
            ["status"] = "CorrectionRequested",
            ["missingMaterials"] = CaseModels.Missing(check.AllMissing),
        });
        return Wait(context);
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        if (stimulus.Payload?["withdraw"] is JsonValue w && w.TryGetValue<bool>(out var withdraw) && withdraw)
        {
            context.SetVariable(AcceptOnReceiptActivity.AcceptanceVariable, new JsonObject { ["status"] = "Withdrawn", ["by"] = stimulus.Actor });
            return ActivityResult.Complete("Withdrawn");
        }

        var supplied = MaterialCheck.Codes(stimulus.Payload?["materials"]);
        if (supplied.Count == 0)
        {
            throw new InvalidStimulusException("A supplement must list the materials it brings: {\"materials\":[{\"code\":\"…\"}]}, or withdraw with {\"withdraw\":true}.");
        }

        var all = MaterialCheck.Codes(context.GetVariable(AcceptOnReceiptActivity.SupplementsVariable));
        all.UnionWith(supplied);
        context.SetVariable(AcceptOnReceiptActivity.SupplementsVariable, new JsonArray([.. all.Order(StringComparer.Ordinal).Select(c => (JsonNode)new JsonObject { ["code"] = c })]));

        var data = CaseData.Read(context);
        var check = AcceptOnReceiptActivity.Check(context, data);
        if (check.MissingRequired.Count > 0 || check.MissingTolerable.Count > 0)
        {
            // Partly supplied: the one notice already said everything; record what still lacks and keep waiting.
            context.Log($"Supplement received; still missing: {string.Join("、", check.AllMissing.Select(m => m.Name))}.");
            context.SetVariable(AcceptOnReceiptActivity.AcceptanceVariable, new JsonObject
            {
                ["status"] = "CorrectionRequested",
                ["missingMaterials"] = CaseModels.Missing(check.AllMissing),
            });
            return Wait(context);
        }

        await AcceptOnReceiptActivity.AcceptAsync(context, documents, data, check, context.Now, "Accepted");
        return ActivityResult.Complete("Accepted");
    }

    private static ActivityResult Wait(ActivityExecutionContext context) =>
        ActivityResult.Wait(context.CreateBookmark(BookmarkKinds.Signal, SupplementSignal, context.Instance.CorrelationId));
}
