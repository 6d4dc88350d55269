using System.Text.Json.Nodes;
using Approval.Activities.Results;
using Approval.Activities.Review;
using Approval.Engine.Instances;

namespace Approval.Activities.Cases;

/// <summary>撤回: an applicant may withdraw a case until the first approval decision is taken.</summary>
public static class CaseWithdrawal
{
    /// <summary>Why the case can no longer be withdrawn, or null when it can.</summary>
    public static string? RefusalReason(WorkflowInstance instance)
    {
        if (instance.IsFinished)
        {
            return $"The case is already {instance.Status.ToString().ToLowerInvariant()}.";
        }

        if (instance.Variables[IssueLicenceActivity.ResultVariable] is JsonObject result)
        {
            return $"The case has been decided ({CaseData.Text(result["status"])}); a decided case cannot be withdrawn.";
        }

        var decided = instance.Variables.Where(v => v.Value is JsonObject votes && votes.Any(step => step.Value is JsonObject s && s["outcome"] is not null && s["votes"] is JsonArray))
            .Select(v => v.Key)
            .FirstOrDefault();
        return decided is null ? null : $"An approval step has already decided (see the '{decided}' variable); withdrawal is possible only before the first decision.";
    }

    /// <summary>The approval decisions <see cref="ApprovalTaskActivity"/> records live in its result variables; this is their default name.</summary>
    public const string DefaultApprovalsVariable = "approvals";
}
