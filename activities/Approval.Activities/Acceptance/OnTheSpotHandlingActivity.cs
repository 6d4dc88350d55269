using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>即办件: the chief representative (首席事务代表) accepts, reviews and decides in one sitting.</summary>
/// <remarks>
/// Materials incomplete → <c>CorrectionRequired</c> (to the one-time notice). Complete → the case is accepted (receipt
/// issued, clock started) and the chief representative's task opens at once; its Approve or Reject is the decision, so
/// the flow goes straight on to the licence or the refusal. The clock still runs, so an on-the-spot case that is not in
/// fact decided on the spot shows up in supervision like any other.
/// </remarks>
public sealed class OnTheSpotHandlingActivity(DocumentIssuer documents) : Activity
{
    public const string ChiefRepresentativeRole = "ChiefRepresentative";

    public override ActivityDescriptor Descriptor { get; } = new(
        "OnTheSpotHandling", ActivityCategories.Acceptance, new("即办件当场办结", "On-the-spot handling"),
        new("首席事务代表当场受理、审查并作出决定。", "The chief representative accepts, reviews and decides in one sitting."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("assignee", "String", new("首席事务代表", "Chief representative")),
        ],
        ["Approved", "Rejected", "CorrectionRequired"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var check = AcceptOnReceiptActivity.Check(context, data);
        if (!check.Complete)
        {
            context.SetVariable(AcceptOnReceiptActivity.AcceptanceVariable, new JsonObject
            {
                ["status"] = "CorrectionRequested",
                ["missingMaterials"] = CaseModels.Missing(check.AllMissing),
            });
            return ActivityResult.Complete("CorrectionRequired");
        }

        await AcceptOnReceiptActivity.AcceptAsync(context, documents, data, check, data.ReceivedAt(context.Now), "Accepted");
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        var assignee = context.GetString("assignee");
        context.CreateWorkItem(bookmark, $"即办：{data.MatterName}", assignee, assignee is null ? [ChiefRepresentativeRole] : [], data.Department, null, ["Approve", "Reject"]);
        return ActivityResult.Wait(bookmark);
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var outcome = CaseData.Text(stimulus.Payload?["outcome"]);
        if (outcome is not ("Approve" or "Reject"))
        {
            throw new InvalidStimulusException($"Outcome '{outcome}' is not one this task offers; choose Approve or Reject.");
        }

        context.CompleteWorkItem(stimulus.Bookmark, outcome, CaseData.Text(stimulus.Payload?["comment"]), stimulus.Payload?["data"] as JsonObject);
        return new(ActivityResult.Complete(outcome == "Approve" ? "Approved" : "Rejected"));
    }
}
