using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Results;

/// <summary>准予许可: records the electronic licence number, issues the 准予行政许可决定书 and stops the case clock.</summary>
public sealed class IssueLicenceActivity(DocumentIssuer documents) : Activity
{
    public const string ResultVariable = "result";

    public override ActivityDescriptor Descriptor { get; } = new(
        "IssueLicence", ActivityCategories.Results, new("准予许可发证", "Issue licence"),
        new("作出准予许可决定，记录电子证照编号，出具准予行政许可决定书，停止计时。", "Grants the licence: records the electronic licence number, issues the decision and stops the clock."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("licenceName", "String", new("证照名称", "Licence name"), Required: true),
            new InputDescriptor("licenceNumber", "String", new("电子证照编号", "Electronic licence number"), Required: true),
            new InputDescriptor("validFrom", "String", new("有效期起", "Valid from")),
            new InputDescriptor("validUntil", "String", new("有效期至", "Valid until"), Required: true),
            new InputDescriptor("decision", "String", new("决定内容", "Decision")),
        ],
        ["Done"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var number = context.GetString("licenceNumber") is { Length: > 0 } n ? n : throw new FormatException("'licenceNumber' (the electronic licence number) is required to issue a licence.");
        var decidedOn = ChinaTime.DateOf(context.Now).ToString("yyyy-MM-dd");
        var model = data.DocumentModel("ApprovalDecision", context.Now);
        model["licence"] = new JsonObject
        {
            ["name"] = context.GetString("licenceName"),
            ["number"] = number,
            ["electronicNumber"] = number,
            ["validFrom"] = context.GetString("validFrom") ?? decidedOn,
            ["validUntil"] = context.GetString("validUntil"),
        };
        model["decision"] = context.GetString("decision") ?? $"经审查，你（单位）提出的{data.MatterName}申请符合法定条件、标准，决定准予行政许可。";
        model["decidedOn"] = decidedOn;
        var document = await documents.IssueAsync(context, "ApprovalDecision", model, data.MatterCode);
        ResultRecorder.StopClock(context, "准予许可，作出决定。");
        context.SetVariable(ResultVariable, new JsonObject
        {
            ["status"] = "Approved",
            ["licenceName"] = context.GetString("licenceName"),
            ["licenceNumber"] = number,
            ["decidedOn"] = decidedOn,
            ["decisionDocumentId"] = document.Id.ToString(),
        });
        return ActivityResult.Done;
    }
}

/// <summary>What the result activities do alike.</summary>
internal static class ResultRecorder
{
    /// <summary>The decision ends the legal clock; delivery that follows is outside the decision limit.</summary>
    public static void StopClock(ActivityExecutionContext context, string reason)
    {
        if (context.FindClock(LegalClock.CaseClockName) is { IsStopped: false })
        {
            context.ChangeClock(LegalClock.CaseClockName, c => c.Stop(context.Now, context.Actor, reason));
        }
    }
}
