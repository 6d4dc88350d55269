using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Results;

/// <summary>准予许可: the decision carries the licence number and validity, the case clock stops, the result is recorded.</summary>
/// <remarks>
/// Accepted on receipt Friday 2026-09-18 10:00 (committed due 10-09, statutory 10-22); decided Tuesday 09-29 10:00. A
/// delivery task follows the licence so that the instance is still running: the clock is stopped by the decision itself,
/// not by the end of the workflow.
/// </remarks>
public sealed class IssueLicenceTests
{
    private const string DecidedAt = "2026-09-29 10:00";

    private static RunnerHarness Harness(params (string Name, JsonNode? Value)[] licence) => new(
        new FlowBuilder("issue-licence")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("licence", "IssueLicence", licence)
            .Activity("deliver", "HumanTask", ("title", "送达"), ("candidateRoles", new JsonArray("Clerk")))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted")
            .Connect("review", "licence", "Approve")
            .Connect("licence", "deliver")
            .Connect("deliver", "end", "Approve")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2026-09-18 10:00"));

    private static async Task<(RunnerHarness Harness, WorkflowCommit Decided)> DecideAsync(params (string Name, JsonNode? Value)[] licence)
    {
        var harness = Harness(licence);
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(DecidedAt));
        var decided = await harness.CompleteAsync("review", "Approve", actor: "李科长");
        return (harness, decided);
    }

    [Fact]
    public async Task Licence_DecisionCarriesNumberAndValidity_ClockStops_ResultApproved()
    {
        var (harness, decided) = await DecideAsync(("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-09-28"));

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        var decision = Assert.Single(decided.Documents);
        Assert.Equal(("ApprovalDecision", "准予行政许可决定书"), (decision.Kind, decision.Title));
        Assert.Equal("东市监准〔2026〕GD4419-20261127-0001号", decision.Number);
        Assert.Contains("食品经营许可证", decision.Content);
        Assert.Contains("<td>JY14419000012345</td>", decision.Content);
        Assert.Contains("2026年9月29日至2031年9月28日", decision.Content); // valid from the decision day by default
        Assert.Contains("本决定于2026年9月29日作出", decision.Content);
        Assert.Contains("决定准予行政许可", decision.Content);
        Assert.Contains("91441900MA4XXXXX0X", decision.Content);

        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.True(clock.IsStopped);
        Assert.Equal(At(DecidedAt), clock.StoppedAt);
        var stopped = clock.History[^1];
        Assert.Equal((ClockEventKinds.Stopped, "李科长", "准予许可，作出决定。"), (stopped.Kind, stopped.By, stopped.Reason));
        var record = Assert.Single(decided.Clocks);
        Assert.Equal(ClockStatus.Stopped, record.Status);
        Assert.Equal(Day("2026-10-09"), record.CommittedDueDate);

        var result = harness.Instance.Variables["result"]!;
        Assert.Equal("Approved", result["status"]!.GetValue<string>());
        Assert.Equal("食品经营许可证", result["licenceName"]!.GetValue<string>());
        Assert.Equal("JY14419000012345", result["licenceNumber"]!.GetValue<string>());
        Assert.Equal("2026-09-29", result["decidedOn"]!.GetValue<string>());
        Assert.Equal(decision.Id.ToString(), result["decisionDocumentId"]!.GetValue<string>());
        Assert.Equal("deliver", Assert.Single(harness.OpenWorkItems).ActivityId);
    }

    [Theory]
    [InlineData("2026-10-08", "2031-10-07", "2026年10月8日至2031年10月7日")]
    [InlineData("2026-09-29", "长期", "2026年9月29日至长期")]
    public async Task Licence_OwnValidity_Printed(string validFrom, string validUntil, string printed)
    {
        var (_, decided) = await DecideAsync(("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validFrom", validFrom), ("validUntil", validUntil));

        Assert.Contains(printed, Assert.Single(decided.Documents).Content);
    }

    [Fact]
    public async Task Licence_OwnDecisionWording_ReplacesTheStandardOne()
    {
        var (_, decided) = await DecideAsync(
            ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-09-28"), ("decision", "符合《食品经营许可和备案管理办法》规定的条件，准予许可，经营项目为热食类食品制售"));

        var content = Assert.Single(decided.Documents).Content;
        Assert.Contains("经营项目为热食类食品制售", content);
        Assert.DoesNotContain("符合法定条件、标准。根据", content);
    }

    [Theory]
    [InlineData("input.licenceNumber", "'licenceNumber' (the electronic licence number) is required")] // finds nothing in the case
    [InlineData("'   '", "cannot be issued without: licence.number")] // blank text
    public async Task Licence_NoLicenceNumber_Faults_NoDecision_ClockStillRuns(string numberExpression, string error)
    {
        // The validator wants the input, so it is given as an expression that yields no number.
        var harness = Harness(("licenceName", "食品经营许可证"), ("licenceNumber", FlowBuilder.Scriban(numberExpression)), ("validUntil", "2031-09-28"));
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(DecidedAt));
        var decided = await harness.CompleteAsync("review", "Approve", actor: "李科长");

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("licence", harness.Instance.Incident!.ActivityId);
        Assert.Contains(error, harness.Instance.Incident.Error);
        Assert.Empty(decided.Documents);
        Assert.False(harness.Instance.State.Clocks[LegalClock.CaseClockName].IsStopped);
        Assert.Null(harness.Instance.Variables["result"]);
    }
}
