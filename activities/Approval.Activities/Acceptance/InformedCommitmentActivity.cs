using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Execution;

namespace Approval.Activities.Acceptance;

/// <summary>告知承诺: the applicant's written commitment replaces proofs; the case goes on to decision now and is verified later.</summary>
/// <remarks>
/// Issues the 告知承诺书 listing each proof the commitment replaces (its obligation and content) with the liability for a
/// false commitment and how and when it will be verified, and records the replaced proofs in the <c>commitment</c>
/// variable for <see cref="CommitmentVerificationActivity"/>, which the flow places after the decision.
/// </remarks>
public sealed class InformedCommitmentActivity(DocumentIssuer documents) : Activity
{
    public const string CommitmentVariable = "commitment";

    public override ActivityDescriptor Descriptor { get; } = new(
        "InformedCommitment", ActivityCategories.Acceptance, new("告知承诺", "Informed commitment"),
        new("以书面承诺代替证明材料，出具告知承诺书，直接进入审批决定，决定后核查。",
            "A written commitment replaces proofs: issues the commitment letter, goes on to decision, verification follows the decision."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("proofs", "Object", new("承诺替代的证明事项", "Proofs replaced"), Required: true),
            new InputDescriptor("verificationDays", "Int32", new("核查时限（工作日）", "Verify within (working days)"), DefaultValue: JsonValue.Create(20)),
            new InputDescriptor("verificationMethod", "String", new("核查方式", "Verification method"), DefaultValue: JsonValue.Create("部门间数据核验及现场抽查")),
        ],
        ["Done"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        if (context.Evaluate("proofs") is not JsonArray { Count: > 0 } proofs)
        {
            throw new FormatException("'proofs' must list the proofs the commitment replaces: [{\"name\",\"obligation\",\"content\"}].");
        }

        var days = context.GetInt32("verificationDays") ?? 20;
        var model = data.DocumentModel("InformedCommitmentLetter", context.Now);
        model["proofs"] = proofs.DeepClone();
        model["commitmentMethod"] = "书面承诺";
        model["liability"] = "申请人作出不实承诺的，依法撤销行政许可，并依法承担相应法律责任，相关失信信息记入信用记录。";
        model["verificationMethod"] = context.GetString("verificationMethod");
        model["verificationDays"] = days;
        await documents.IssueAsync(context, "InformedCommitmentLetter", model, data.MatterCode);
        context.SetVariable(CommitmentVariable, new JsonObject
        {
            ["proofs"] = proofs.DeepClone(),
            ["verificationDays"] = days,
            ["committedAt"] = context.Now.ToString("O"),
        });
        return ActivityResult.Done;
    }
}
