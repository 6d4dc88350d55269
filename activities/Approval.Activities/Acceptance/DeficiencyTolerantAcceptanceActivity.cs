using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>容缺受理: accepted with tolerable materials outstanding; review goes on while the applicant supplies them by a deadline.</summary>
/// <remarks>
/// Issues the commitment letter (容缺受理承诺书) and the notice (容缺受理通知书) naming what to supply, how and by when —
/// never later than the committed limit — then sends a token through <c>Proceed</c> so review starts at once, and waits
/// for the <c>supplement</c> signal or the deadline, whichever comes first. All supplied → <c>Supplemented</c>. The
/// deadline passes first → the termination notice is issued, the clock stops and <c>Terminated</c> fires (connect it to
/// Terminate to end the case). The clock runs from acceptance throughout.
/// </remarks>
public sealed class DeficiencyTolerantAcceptanceActivity(DocumentIssuer documents) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "DeficiencyTolerantAcceptance", ActivityCategories.Acceptance, new("容缺受理", "Deficiency-tolerant acceptance"),
        new("出具容缺受理承诺书和通知书，审查同步进行；期限内补齐则继续，逾期未补则终止办理。",
            "Issues the commitment letter and notice; review proceeds meanwhile; supplied in time → continue, deadline missed → terminated."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("supplementDays", "Int32", new("补正期限（工作日）", "Supplement within (working days)")),
            new InputDescriptor("supplementChannel", "String", new("补正方式", "Supplement channel"), DefaultValue: JsonValue.Create("窗口或网上提交")),
        ],
        ["Proceed", "Supplemented", "Terminated"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var check = AcceptOnReceiptActivity.Check(context, data);
        if (check.MissingRequired.Count > 0)
        {
            throw new InvalidOperationException($"容缺受理 applies only when every missing material is tolerable; {string.Join("、", check.MissingRequired.Select(m => m.Name))} may not be deferred.");
        }

        if (context.FindClock(LegalClock.CaseClockName) is not { IsStopped: false })
        {
            await AcceptOnReceiptActivity.AcceptAsync(context, documents, data, check, data.ReceivedAt(context.Now), "AcceptedWithDeficiency");
        }

        var clock = context.FindClock(LegalClock.CaseClockName)!;
        var reading = context.ReadClock(clock);
        var days = Math.Min(context.GetInt32("supplementDays") ?? data.CommittedLimitDays, data.CommittedLimitDays);
        var deadline = context.Calendar.AddWorkingDays(reading.AcceptedOn, Math.Max(1, days));
        context.SetData(new JsonObject { ["deadline"] = deadline.ToString("yyyy-MM-dd") });

        foreach (var kind in new[] { "DeficiencyCommitmentLetter", "DeficiencyAcceptanceNotice" })
        {
            var model = data.DocumentModel(kind, context.Now);
            model["toleratedMaterials"] = CaseModels.Missing(check.MissingTolerable);
            model["supplementDeadline"] = deadline.ToString("yyyy-MM-dd");
            model["supplementChannel"] = context.GetString("supplementChannel");
            CaseModels.AddDueDates(model, reading);
            await documents.IssueAsync(context, kind, model, data.MatterCode);
        }

        if (check.MissingTolerable.Count == 0)
        {
            // Routed here with nothing outstanding: review proceeds and the supplement is already complete.
            return ActivityResult.Complete("Proceed", "Supplemented");
        }

        return Arm(context, deadline).Emitting("Proceed");
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var data = CaseData.Read(context);
        var deadline = DateOnly.ParseExact(CaseData.Text((context.GetData() as JsonObject)?["deadline"]) ?? throw new InvalidOperationException("The supplement deadline was lost."), "yyyy-MM-dd");
        if (stimulus.Bookmark.Kind == BookmarkKinds.Timer)
        {
            var check = AcceptOnReceiptActivity.Check(context, data);
            var model = data.DocumentModel("TerminationNotice", context.Now);
            model["missingMaterials"] = CaseModels.Missing(check.MissingTolerable);
            model["supplementDeadline"] = deadline.ToString("yyyy-MM-dd");
            model["reason"] = "容缺受理材料未在承诺期限内补齐补正";
            model["remedies"] = CaseModels.Remedies(data);
            await documents.IssueAsync(context, "TerminationNotice", model, data.MatterCode);
            if (context.FindClock(LegalClock.CaseClockName) is { IsStopped: false })
            {
                context.ChangeClock(LegalClock.CaseClockName, c => c.Stop(context.Now, context.Actor, "容缺材料逾期未补正，终止办理。"));
            }

            context.SetVariable(AcceptOnReceiptActivity.AcceptanceVariable, new JsonObject { ["status"] = "Terminated", ["reason"] = "容缺材料逾期未补正" });
            context.SetData(null);
            return ActivityResult.Complete("Terminated");
        }

        var supplied = MaterialCheck.Codes(stimulus.Payload?["materials"]);
        if (supplied.Count == 0)
        {
            throw new InvalidStimulusException("A supplement must list the materials it brings: {\"materials\":[{\"code\":\"…\"}]}.");
        }

        var all = MaterialCheck.Codes(context.GetVariable(AcceptOnReceiptActivity.SupplementsVariable));
        all.UnionWith(supplied);
        context.SetVariable(AcceptOnReceiptActivity.SupplementsVariable, new JsonArray([.. all.Order(StringComparer.Ordinal).Select(c => (JsonNode)new JsonObject { ["code"] = c })]));
        var after = AcceptOnReceiptActivity.Check(context, data);
        if (after.MissingTolerable.Count > 0)
        {
            context.Log($"Supplement received; still outstanding: {string.Join("、", after.MissingTolerable.Select(m => m.Name))}.");
            return Arm(context, deadline);
        }

        context.SetData(null);
        return ActivityResult.Complete("Supplemented");
    }

    /// <summary>Waits for the supplement or for the end of the deadline day (Beijing), whichever comes first.</summary>
    private static ActivityResult.Suspended Arm(ActivityExecutionContext context, DateOnly deadline)
    {
        var supplement = context.CreateBookmark(BookmarkKinds.Signal, OneTimeDeficiencyNoticeActivity.SupplementSignal, context.Instance.CorrelationId);
        var lapse = context.CreateBookmark(BookmarkKinds.Timer, resumeAt: ChinaTime.StartOfDay(deadline.AddDays(1)));
        return (ActivityResult.Suspended)ActivityResult.WaitForFirst(supplement, lapse);
    }
}
