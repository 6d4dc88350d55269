using System.Text.Json.Nodes;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;

namespace Approval.Activities.Tests.Review;

/// <summary>Approval steps: single, all (会签), any (或签), sequential (依次), adding a signer (加签) and returning to an earlier step (退回).</summary>
public sealed class ApprovalTaskTests
{
    private static RunnerHarness Harness(string mode, params string[] assignees) => new(new FlowBuilder("approval")
        .Activity("start", "Start")
        .Activity("first", "HumanTask", ("title", "初审"), ("assignee", "clerk"))
        .Activity("approve", "ApprovalTask", ("title", "审批"), ("mode", mode), ("assignees", new JsonArray([.. assignees.Select(a => (JsonNode)JsonValue.Create(a)!)])))
        .Activity("approved", "Log", ("message", "approved"))
        .Activity("rejected", "Log", ("message", "rejected"))
        .Activity("returned", "Log", ("message", "returned"))
        .Activity("end", "End")
        .Connect("start", "first").Connect("first", "approve", "Approve").Connect("first", "end", "Reject")
        .Connect("approve", "approved", "Approve").Connect("approve", "rejected", "Reject").Connect("approve", "returned", "Return")
        .Connect("approved", "end").Connect("rejected", "end").Connect("returned", "end")
        .ToJson(), ActivitiesServiceCollectionExtensions.All);

    private static async Task<RunnerHarness> AtApprovalAsync(string mode, params string[] assignees)
    {
        var harness = Harness(mode, assignees);
        await harness.StartAsync();
        await harness.CompleteAsync("first", "Approve", "clerk");
        return harness;
    }

    private static Task Decide(RunnerHarness harness, string user, string outcome, JsonObject? data = null) =>
        harness.ResumeAsync(harness.Bookmarks.Single(b => b.Id == harness.OpenWorkItems.Single(w => w.Assignee == user).BookmarkId), new JsonObject { ["outcome"] = outcome, ["data"] = data }, user);

    [Fact]
    public async Task All_EveryoneMustApprove_ThenApprove()
    {
        var harness = await AtApprovalAsync("All", "a", "b", "c");
        Assert.Equal(["a", "b", "c"], harness.OpenWorkItems.Select(w => w.Assignee).Order());

        await Decide(harness, "a", "Approve");
        await Decide(harness, "c", "Approve");
        Assert.Equal(0, harness.Count(JournalEvents.Log, "approved"));
        Assert.Equal(["b"], harness.OpenWorkItems.Select(w => w.Assignee));

        await Decide(harness, "b", "Approve");
        Assert.Equal(1, harness.Count(JournalEvents.Log, "approved"));
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var votes = harness.Instance.Variables["approvals"]!["approve"]!["votes"]!.AsArray();
        Assert.Equal(["a", "c", "b"], votes.Select(v => v!["by"]!.GetValue<string>()));
    }

    [Fact]
    public async Task All_OneRejects_DecidesAtOnceAndTheOthersTasksAreCancelled()
    {
        var harness = await AtApprovalAsync("All", "a", "b", "c");
        await Decide(harness, "a", "Approve");
        await Decide(harness, "b", "Reject");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "rejected"));
        Assert.Empty(harness.OpenWorkItems);
        Assert.Equal(WorkItemStatus.Cancelled, harness.WorkItems.Single(w => w.Assignee == "c").Status);
    }

    [Fact]
    public async Task Any_FirstDecisionDecides()
    {
        var harness = await AtApprovalAsync("Any", "a", "b");
        await Decide(harness, "b", "Approve");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "approved"));
        Assert.Empty(harness.OpenWorkItems);
    }

    [Fact]
    public async Task Sequential_OneAfterAnother_InOrder()
    {
        var harness = await AtApprovalAsync("Sequential", "a", "b");
        Assert.Equal(["a"], harness.OpenWorkItems.Select(w => w.Assignee));

        await Decide(harness, "a", "Approve");
        Assert.Equal(["b"], harness.OpenWorkItems.Select(w => w.Assignee));
        await Decide(harness, "b", "Approve");

        Assert.Equal(1, harness.Count(JournalEvents.Log, "approved"));
    }

    [Fact]
    public async Task AddSigner_InACountersign_TheNewSignerMustApproveToo()
    {
        var harness = await AtApprovalAsync("All", "a");
        var aTask = harness.OpenWorkItems.Single();
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Id == aTask.BookmarkId), new JsonObject { ["operation"] = "addSigner", ["signer"] = "expert" }, "a");

        Assert.Equal(["a", "expert"], harness.OpenWorkItems.Select(w => w.Assignee).Order());
        await Decide(harness, "a", "Approve");
        Assert.Equal(0, harness.Count(JournalEvents.Log, "approved"));
        await Decide(harness, "expert", "Approve");
        Assert.Equal(1, harness.Count(JournalEvents.Log, "approved"));
    }

    [Fact]
    public async Task AddSigner_InSequence_SignsRightAfterTheCurrentOne()
    {
        var harness = await AtApprovalAsync("Sequential", "a", "b");
        var aTask = harness.OpenWorkItems.Single();
        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Id == aTask.BookmarkId), new JsonObject { ["operation"] = "addSigner", ["signer"] = "expert" }, "a");
        Assert.Equal(["a"], harness.OpenWorkItems.Select(w => w.Assignee));

        await Decide(harness, "a", "Approve");
        Assert.Equal(["expert"], harness.OpenWorkItems.Select(w => w.Assignee));
    }

    [Fact]
    public async Task Return_ToAnEarlierStep_ReopensThatStep()
    {
        var harness = await AtApprovalAsync("Single", "a");
        await Decide(harness, "a", "Return", new JsonObject { ["returnTo"] = "first" });

        var reopened = Assert.Single(harness.OpenWorkItems);
        Assert.Equal("first", reopened.ActivityId);
        Assert.Equal("clerk", reopened.Assignee);
        Assert.Equal(0, harness.Count(JournalEvents.Log, "returned"));
    }

    [Fact]
    public async Task Return_WithoutATarget_LeavesThroughTheReturnPort()
    {
        var harness = await AtApprovalAsync("Single", "a");
        await Decide(harness, "a", "Return");
        Assert.Equal(1, harness.Count(JournalEvents.Log, "returned"));
    }

    [Fact]
    public async Task Return_ToAStepThatDoesNotExist_IsRefusedAndTheTaskStaysOpen()
    {
        var harness = await AtApprovalAsync("Single", "a");
        await Assert.ThrowsAsync<Approval.Engine.Execution.InvalidStimulusException>(() => Decide(harness, "a", "Return", new JsonObject { ["returnTo"] = "nowhere" }));
        Assert.Single(harness.OpenWorkItems);
    }

    [Fact]
    public void Validation_CountersignWithoutNamedApprovers_IsLocated()
    {
        var harness = new RunnerHarness(new FlowBuilder("bad-approval")
            .Activity("start", "Start")
            .Activity("approve", "ApprovalTask", ("title", "审批"), ("mode", "All"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Connect("start", "approve").Connect("approve", "end", "Approve")
            .ToJson(), ActivitiesServiceCollectionExtensions.All);

        var errors = harness.Validator.Validate(harness.Definition);
        Assert.Contains(errors, e => e.ActivityId == "approve" && e.Input == "assignees");
    }
}
