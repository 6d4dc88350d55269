using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>告知承诺核查: after the decision, a verification task checks each committed proof; a false commitment leads to revocation.</summary>
/// <remarks>
/// A work item for the verifying role, due the working days the commitment set. <c>Verified</c> when the commitment was
/// true; <c>Failed</c> (connect it to the revocation path) when it was not, with the finding kept in the
/// <c>commitment</c> variable.
/// </remarks>
public sealed class CommitmentVerificationActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "CommitmentVerification", ActivityCategories.Review, new("承诺核查", "Commitment verification"),
        new("决定后核查承诺内容；承诺不实的转撤销程序。", "Checks the commitment after the decision; a false one goes to revocation."),
        [
            new InputDescriptor("candidateRoles", "String[]", new("核查角色", "Verifying roles"), DefaultValue: new JsonArray("Approver")),
            new InputDescriptor("assignee", "String", new("核查人", "Verifier")),
            new InputDescriptor("department", "String", new("核查部门", "Department")),
        ],
        ["Verified", "Failed"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var commitment = context.GetVariable(InformedCommitmentActivity.CommitmentVariable) as JsonObject
            ?? throw new InvalidOperationException("There is no commitment to verify: place InformedCommitment earlier in the flow.");
        var days = CaseData.Int(commitment["verificationDays"]) ?? 20;
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        var item = context.CreateWorkItem(
            bookmark,
            "告知承诺核查",
            context.GetString("assignee"),
            context.GetStrings("candidateRoles"),
            context.GetString("department"),
            ChinaTime.StartOfDay(context.Calendar.AddWorkingDays(ChinaTime.DateOf(context.Now), days).AddDays(1)),
            ["Verified", "Failed"]);
        item.LimitWorkingDays = days;
        return new(ActivityResult.Wait(bookmark));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var outcome = CaseData.Text(stimulus.Payload?["outcome"]);
        if (outcome is not ("Verified" or "Failed"))
        {
            throw new InvalidStimulusException($"Outcome '{outcome}' is not one this task offers; choose Verified or Failed.");
        }

        var comment = CaseData.Text(stimulus.Payload?["comment"]);
        context.CompleteWorkItem(stimulus.Bookmark, outcome, comment, stimulus.Payload?["data"] as JsonObject);
        var commitment = (JsonObject)context.GetVariable(InformedCommitmentActivity.CommitmentVariable)!.DeepClone();
        commitment["verification"] = new JsonObject { ["outcome"] = outcome, ["by"] = stimulus.Actor, ["comment"] = comment, ["at"] = context.Now.ToString("O") };
        context.SetVariable(InformedCommitmentActivity.CommitmentVariable, commitment);
        return new(ActivityResult.Complete(outcome));
    }
}
