using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Acceptance;

/// <summary>告知承诺: the commitment letter lists every proof the commitment replaces, and the commitment is kept for verification.</summary>
public sealed class InformedCommitmentTests
{
    // Friday 2026-09-18 10:00 Beijing: complete materials, accepted at once, then the commitment.
    private const string ReceivedAt = "2026-09-18 10:00";

    private static JsonArray Proofs() =>
    [
        new JsonObject { ["name"] = "食品安全管理人员培训考核合格证明", ["obligation"] = "申请人提交培训考核合格证明", ["content"] = "食品安全管理人员经培训考核合格" },
        new JsonObject { ["name"] = "经营场所合法使用证明", ["obligation"] = "申请人提交房屋产权或租赁证明", ["content"] = "申请人对经营场所享有合法使用权" },
    ];

    private static RunnerHarness Harness(params (string Name, JsonNode? Value)[] commitmentInputs) => new(
        new FlowBuilder("informed-commitment")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("commit", "InformedCommitment", commitmentInputs)
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "commit", "Accepted")
            .Connect("commit", "review")
            .Connect("review", "end", "Approve")
            .Connect("review", "end", "Reject")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At(ReceivedAt));

    private static JsonObject CompleteCase() => CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04"));

    [Fact]
    public async Task Commitment_LetterListsEveryProof_AndTheCommitmentIsKept()
    {
        var harness = Harness(("proofs", Proofs()));

        var commit = await harness.StartAsync(CompleteCase());

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Equal(["AcceptanceReceipt", "InformedCommitmentLetter"], commit.Documents.Select(d => d.Kind));
        var letter = commit.Documents[1];
        Assert.Equal("告知承诺书", letter.Title);
        Assert.Equal("东市监承〔2026〕GD4419-20261127-0001号", letter.Number);
        foreach (var proof in Proofs().Cast<JsonObject>())
        {
            Assert.Contains(proof["name"]!.GetValue<string>(), letter.Content);
            Assert.Contains(proof["obligation"]!.GetValue<string>(), letter.Content);
            Assert.Contains(proof["content"]!.GetValue<string>(), letter.Content);
        }

        Assert.Contains("东莞市某某餐饮有限公司", letter.Content);
        Assert.Contains("91441900MA4XXXXX0X", letter.Content);
        Assert.Contains("承诺方式：书面承诺", letter.Content);
        Assert.Contains("依法撤销行政许可", letter.Content);
        Assert.Contains("部门间数据核验及现场抽查", letter.Content);
        Assert.Contains("作出决定后20个工作日内完成核查", letter.Content);
        Assert.Contains("2026年9月18日", letter.Content);

        var commitment = harness.Instance.Variables["commitment"]!;
        Assert.True(JsonNode.DeepEquals(Proofs(), commitment["proofs"]));
        Assert.Equal(20, commitment["verificationDays"]!.GetValue<int>());
        Assert.Equal(At(ReceivedAt), DateTimeOffset.Parse(commitment["committedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(harness.OpenWorkItems);
    }

    [Fact]
    public async Task Commitment_OwnVerificationDaysAndMethod_PrintedAndKept()
    {
        var harness = Harness(("proofs", Proofs()), ("verificationDays", 10), ("verificationMethod", "电子证照库比对"));

        var commit = await harness.StartAsync(CompleteCase());

        var letter = Assert.Single(commit.Documents, d => d.Kind == "InformedCommitmentLetter");
        Assert.Contains("核查方式及时限：电子证照库比对", letter.Content);
        Assert.Contains("作出决定后10个工作日内完成核查", letter.Content);
        Assert.Equal(10, harness.Instance.Variables["commitment"]!["verificationDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(true)] // an empty list written in the definition
    [InlineData(false)] // an expression that finds nothing in the case's input
    public async Task Commitment_NoProofs_FaultsAtTheCommitmentNamingProofs_AndIssuesNoLetter(bool emptyList)
    {
        var harness = Harness(("proofs", emptyList ? new JsonArray() : FlowBuilder.Scriban("input.proofs")));

        var commit = await harness.StartAsync(CompleteCase());

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        var incident = harness.Instance.Incident!;
        Assert.Equal("commit", incident.ActivityId);
        Assert.Contains("'proofs' must list the proofs the commitment replaces", incident.Error);
        Assert.DoesNotContain(commit.Documents, d => d.Kind == "InformedCommitmentLetter");
        Assert.Null(harness.Instance.Variables["commitment"]);
        Assert.Empty(harness.OpenWorkItems);
    }
}
