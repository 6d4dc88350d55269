using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Grants the one extension of Art. 42 (10 working days by default) on an approval; refused a second time or after the due date.</summary>
/// <remarks>
/// Put it after the approval step of the agency head and feed it that step's result (e.g. <c>{{ extension.by }}</c>).
/// A refusal is an outcome, not a fault: the flow decides what to tell the applicant.
/// </remarks>
public sealed class ExtendDeadlineActivity(DocumentIssuer? documents = null) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "ExtendDeadline", ActivityCategories.LegalClock, new("延长办理期限", "Extend deadline"),
        new("经本机关负责人批准延长一次（默认10个工作日），须在到期前并告知申请人理由。", "One extension (10 working days by default), approved by the agency head before the due date, with the reason told to the applicant."),
        [
            ClockInputs.Clock,
            new InputDescriptor("days", "Int32", new("延长工作日", "Working days"), DefaultValue: JsonValue.Create(10)),
            new InputDescriptor("approvedBy", "String", new("批准人", "Approved by"), Required: true),
            new InputDescriptor("reason", "String", new("延长理由", "Reason"), Required: true),
            new InputDescriptor("resultVariable", "String", new("结果变量", "Result variable"), LiteralOnly: true),
        ],
        ["Extended", "Refused"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var name = ClockInputs.NameOf(context);
        var days = context.GetInt32("days") ?? 10;
        var approvedBy = context.GetString("approvedBy") ?? "";
        var reason = context.GetString("reason") ?? "";
        JsonObject result;
        string outcome;
        try
        {
            // Try the extension on a copy first: the notice is issued only for an extension the rules allow, and a
            // notice that cannot be issued leaves the clock as it was.
            var existing = context.FindClock(name) ?? throw new ClockRuleException($"Clock '{name}' has not been started in this case.");
            var probe = existing.Clone();
            probe.Extend(days, context.Now, approvedBy, reason, context.Calendar);
            await IssueNoticeAsync(context, days, approvedBy, reason, context.ReadClock(existing), context.ReadClock(probe));
            var clock = context.ChangeClock(name, c => c.Extend(days, context.Now, approvedBy, reason, context.Calendar));
            var reading = context.ReadClock(clock);
            result = new JsonObject
            {
                ["extended"] = true,
                ["days"] = days,
                ["committedDueDate"] = reading.CommittedDueDate.ToString("yyyy-MM-dd"),
                ["statutoryDueDate"] = reading.StatutoryDueDate?.ToString("yyyy-MM-dd"),
            };
            outcome = "Extended";
        }
        catch (ClockRuleException ex)
        {
            context.Log($"Extension refused: {ex.Message}");
            result = new JsonObject { ["extended"] = false, ["reason"] = ex.Message };
            outcome = "Refused";
        }

        if (context.GetString("resultVariable") is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result);
        }

        return ActivityResult.Complete(outcome);
    }

    /// <summary>Tells the applicant the reason and the new due date (Art. 42), when the case's guide and application are at hand.</summary>
    private async ValueTask IssueNoticeAsync(ActivityExecutionContext context, int days, string approvedBy, string reason, ClockReading before, ClockReading after)
    {
        if (documents is null || context.Instance.Input["guide"] is null && context.GetObject("guide") is null)
        {
            return;
        }

        var data = CaseData.Read(context);
        var model = data.DocumentModel("ExtensionNotice", context.Now);
        model["reason"] = reason;
        model["extensionDays"] = days;
        model["approvedBy"] = approvedBy;
        model["newDueDate"] = after.CommittedDueDate.ToString("yyyy-MM-dd");
        model["originalDueDate"] = before.CommittedDueDate.ToString("yyyy-MM-dd");
        model["acceptedOn"] = after.AcceptedOn.ToString("yyyy-MM-dd");
        await documents.IssueAsync(context, "ExtensionNotice", model, data.MatterCode);
    }
}
