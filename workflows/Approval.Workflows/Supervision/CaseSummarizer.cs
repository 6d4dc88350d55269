using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Summaries;

namespace Approval.Workflows.Supervision;

/// <summary>Summarises a case (an instance started by <see cref="Applications.ApplicationService"/>) for supervision:
/// its matter, competent department, receiving clerk, case type, where it stands, and whether it was sent back.</summary>
/// <remarks>Instances that are not cases (a designer's test run) have no application in their input and get no summary.</remarks>
public sealed class CaseSummarizer : IInstanceSummarizer
{
    /// <summary>The category that counts toward the 即办 ratio.</summary>
    public const string ImmediateCaseType = "即办件";

    public string? MainClock => Approval.Engine.Clocks.LegalClock.CaseClockName;

    public InstanceSummary? Summarize(WorkflowInstance instance)
    {
        if (instance.Input["application"] is not JsonObject application || JsonValues.StringOf(application["matterCode"]) is not { } matterCode)
        {
            return null;
        }

        var guide = instance.Input["guide"] as JsonObject;
        var acceptance = JsonValues.StringOf((instance.Variables["acceptance"] as JsonObject)?["status"]);
        return new InstanceSummary
        {
            InstanceId = instance.Id,
            DefinitionId = instance.DefinitionId,
            Subject = matterCode,
            SubjectName = JsonValues.StringOf(guide?["name"]),
            Department = JsonValues.StringOf(guide?["department"]) ?? JsonValues.StringOf(application["acceptingOffice"]),
            StartedBy = JsonValues.StringOf(application["receivedBy"]),
            Category = JsonValues.StringOf(guide?["caseType"]),
            Stage = StageOf(instance, acceptance),
            Returned = acceptance is "RefusedAcceptance" or "CorrectionRequested",
            StartedAt = instance.CreatedAt,
            FinishedAt = instance.FinishedAt,
        };
    }

    private static string StageOf(WorkflowInstance instance, string? acceptance) =>
        JsonValues.StringOf((instance.Variables["result"] as JsonObject)?["status"]) is { } decision ? decision
        : instance.Status == WorkflowStatus.Cancelled ? "Cancelled"
        : acceptance is "RefusedAcceptance" or "CorrectionRequested" or "Terminated" or "Withdrawn" ? acceptance
        : instance.Status == WorkflowStatus.Completed ? "Completed"
        : acceptance ?? "InReview";
}
