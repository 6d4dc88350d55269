using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;

namespace Approval.Activities.Results;

/// <summary>不予许可: issues the 不予行政许可决定书 with its reasons, legal basis and the right to administrative review or litigation (Art. 38).</summary>
public sealed class RejectApplicationActivity(DocumentIssuer documents) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Reject", ActivityCategories.Results, new("不予许可", "Reject"),
        new("作出不予许可决定，说明理由并告知申请复议或提起诉讼的权利，停止计时。", "Refuses the licence with reasons and the right to review or litigation, and stops the clock."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("reasons", "String[]", new("不予许可理由", "Reasons"), Required: true),
        ],
        ["Done"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var reasons = context.GetStrings("reasons");
        if (reasons.Count == 0)
        {
            throw new FormatException("A refusal must give its reasons (Administrative Licensing Law Art. 38).");
        }

        var decidedOn = ChinaTime.DateOf(context.Now).ToString("yyyy-MM-dd");
        var model = data.DocumentModel("RejectionDecision", context.Now);
        model["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)JsonValue.Create(r)!)]);
        model["remedies"] = CaseModels.Remedies(data);
        model["decidedOn"] = decidedOn;
        var document = await documents.IssueAsync(context, "RejectionDecision", model, data.MatterCode);
        ResultRecorder.StopClock(context, "不予许可，作出决定。");
        context.SetVariable(IssueLicenceActivity.ResultVariable, new JsonObject
        {
            ["status"] = "Rejected",
            ["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)JsonValue.Create(r)!)]),
            ["decidedOn"] = decidedOn,
            ["decisionDocumentId"] = document.Id.ToString(),
        });
        return ActivityResult.Done;
    }
}
