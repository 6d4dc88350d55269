using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.Tests.Execution;

public sealed class FlowchartExecutionTests
{
    [Theory]
    [InlineData(60000, "True")]
    [InlineData(100, "False")]
    public async Task Decision_ConditionOverTheForm_TakesTheMatchingPort(int capital, string expectedPort)
    {
        var harness = new RunnerHarness(new FlowBuilder("decision")
            .Activity("start", "Start")
            .Activity("big", "Decision", ("condition", FlowBuilder.Scriban("form.registered_capital >= 50000")))
            .Activity("yes", "Log", ("message", "big"))
            .Activity("no", "Log", ("message", "small"))
            .Activity("end", "End")
            .Connect("start", "big").Connect("big", "yes", "True").Connect("big", "no", "False").Connect("yes", "end").Connect("no", "end")
            .ToJson());

        await harness.StartAsync(new JsonObject { ["form"] = new JsonObject { ["registered_capital"] = capital } });

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var decision = harness.Journal.Single(j => j.Event == JournalEvents.ActivityCompleted && j.ActivityId == "big");
        Assert.Equal(expectedPort, decision.Data!["outcomes"]![0]!.GetValue<string>());
        Assert.Equal(1, harness.Count(JournalEvents.Log, expectedPort == "True" ? "yes" : "no"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, expectedPort == "True" ? "no" : "yes"));
    }

    [Theory]
    [InlineData("food", "food-path")]
    [InlineData("medical", "medical-path")]
    [InlineData("other", "default-path")]
    public async Task Switch_MatchFirst_TakesTheFirstMatchingCaseElseDefault(string kind, string expectedActivity)
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Food", ["condition"] = "input.kind == 'food'" },
            new JsonObject { ["label"] = "Medical", ["condition"] = "input.kind == 'medical'" });
        var harness = new RunnerHarness(new FlowBuilder("switch")
            .Activity("start", "Start")
            .Activity("route", "Switch", ("cases", FlowBuilder.Expression("Object", cases)))
            .Activity("food-path", "Log", ("message", "f"))
            .Activity("medical-path", "Log", ("message", "m"))
            .Activity("default-path", "Log", ("message", "d"))
            .Activity("end", "End")
            .Connect("start", "route")
            .Connect("route", "food-path", "Food").Connect("route", "medical-path", "Medical").Connect("route", "default-path", "Default")
            .Connect("food-path", "end").Connect("medical-path", "end").Connect("default-path", "end")
            .ToJson());

        await harness.StartAsync(new JsonObject { ["kind"] = kind });

        Assert.Equal(1, harness.Count(JournalEvents.Log, expectedActivity));
        Assert.Equal(1, harness.Count(JournalEvents.Log));
    }

    [Fact]
    public async Task JoinWaitAll_TwoParallelTasks_FiresOnceAfterBoth()
    {
        var harness = new RunnerHarness(ParallelReviews("WaitAll"));
        await harness.StartAsync();
        Assert.Equal(2, harness.OpenWorkItems.Count);

        await harness.CompleteAsync("legal", "Approve");
        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Equal(0, harness.Count(JournalEvents.ActivityCompleted, "join"));

        await harness.CompleteAsync("technical", "Approve");
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Equal(1, harness.Count(JournalEvents.ActivityCompleted, "join"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "after"));
    }

    [Fact]
    public async Task JoinWaitAll_BranchThatCannotArriveAnyMore_DoesNotBlockTheJoin()
    {
        // The technical review is skipped for simple cases: its branch ends at End, never at the join.
        var harness = new RunnerHarness(new FlowBuilder("early-end")
            .Activity("start", "Start")
            .Activity("fork", "Fork")
            .Activity("legal", "HumanTask", ("title", "法制审核"), ("assignee", "lawyer"))
            .Activity("needs-technical", "Decision", ("condition", FlowBuilder.Scriban("input.complex")))
            .Activity("technical", "HumanTask", ("title", "技术审查"), ("assignee", "engineer"))
            .Activity("skip", "End")
            .Activity("join", "Join")
            .Activity("after", "Log", ("message", "joined"))
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "legal").Connect("fork", "needs-technical")
            .Connect("needs-technical", "technical", "True").Connect("needs-technical", "skip", "False")
            .Connect("legal", "join", "Approve").Connect("technical", "join", "Approve")
            .Connect("legal", "end", "Reject").Connect("technical", "end", "Reject")
            .Chain("join", "after", "end")
            .ToJson());

        await harness.StartAsync(new JsonObject { ["complex"] = false });
        Assert.Single(harness.OpenWorkItems);
        await harness.CompleteAsync("legal", "Approve");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Equal(1, harness.Count(JournalEvents.ActivityCompleted, "join"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "after"));
    }

    [Fact]
    public async Task JoinWaitAny_TimerWinsTheRace_CancelsTheTaskAndFiresOnce()
    {
        var harness = new RunnerHarness(TaskWithDeadline());
        await harness.StartAsync();
        Assert.Single(harness.OpenWorkItems);
        var timer = harness.BookmarkOf("deadline");
        Assert.Contains(harness.Commits[0].Outbox, m => m.Kind == OutboxKinds.ScheduleTimer);

        var commit = await harness.ResumeAsync(timer, actor: "system:timer");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Empty(harness.OpenWorkItems);
        Assert.Single(commit.CancelledWorkItemBookmarkIds);
        Assert.Empty(harness.Bookmarks);
        Assert.Equal(1, harness.Count(JournalEvents.ActivityCancelled, "review"));
        Assert.Equal(1, harness.Count(JournalEvents.ActivityCompleted, "race"));
    }

    [Fact]
    public async Task JoinWaitAny_TaskWinsTheRace_CancelsTheTimerTrigger()
    {
        var harness = new RunnerHarness(TaskWithDeadline());
        await harness.StartAsync();

        var commit = await harness.CompleteAsync("review", "Approve", actor: "reviewer");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var cancel = Assert.Single(commit.Outbox, m => m.Kind == OutboxKinds.CancelTimer);
        Assert.Contains(harness.Commits[0].AddedBookmarks.Single(b => b.Kind == BookmarkKinds.Timer).Id.ToString(), cancel.Payload);
        Assert.Empty(harness.Bookmarks);
    }

    [Fact]
    public async Task HumanTask_OutcomeItDoesNotOffer_IsRefusedAndTheTaskStaysOpen()
    {
        var harness = new RunnerHarness(FlowBuilder.SingleTask("task").ToJson());
        await harness.StartAsync();

        await Assert.ThrowsAsync<InvalidStimulusException>(() => harness.CompleteAsync("task", "Maybe"));

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Single(harness.OpenWorkItems);
        Assert.Single(harness.Bookmarks);
    }

    [Fact]
    public async Task HumanTask_Completed_RecordsWhoChoseWhatAndFollowsThatPort()
    {
        var harness = new RunnerHarness(new FlowBuilder("task-result").Variable("review")
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", "审核"), ("candidateRoles", new JsonArray("Approver")), ("outcomes", new JsonArray("Approve", "Reject", "Return")), ("resultVariable", "review"))
            .Activity("returned", "Log", ("message", "returned"))
            .Activity("end", "End")
            .Connect("start", "task").Connect("task", "end", "Approve").Connect("task", "end", "Reject").Connect("task", "returned", "Return").Connect("returned", "end")
            .ToJson());
        await harness.StartAsync();
        Assert.Equal(["Approve", "Reject", "Return"], harness.OpenWorkItems[0].Outcomes);

        var commit = await harness.CompleteAsync("task", "Return", actor: "reviewer");

        var completion = Assert.Single(commit.CompletedWorkItems);
        Assert.Equal(("Return", "reviewer"), (completion.Outcome, completion.CompletedBy));
        Assert.Equal("reviewer", harness.Instance.Variables["review"]!["by"]!.GetValue<string>());
        Assert.Equal(1, harness.Count(JournalEvents.Log, "returned"));
    }

    [Fact]
    public async Task ThrowingActivity_FaultsWithIncident_AndRetryRunsItAgain()
    {
        var harness = new RunnerHarness(new FlowBuilder("faulty")
            .Activity("start", "Start")
            .Activity("wait", "Timer", ("until", FlowBuilder.Scriban("input.deadline")))
            .Activity("end", "End")
            .Chain("start", "wait", "end")
            .ToJson());

        await harness.StartAsync(new JsonObject { ["deadline"] = "not a date" });

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Equal("wait", harness.Instance.Incident!.ActivityId);
        Assert.Contains("until", harness.Instance.Incident.Error);
        Assert.Empty(harness.Bookmarks);
        Assert.Equal("wait", Assert.Single(harness.Instance.State.Queue).ActivityId);

        harness.Instance.Input["deadline"] = "2026-12-01T09:00:00+08:00";
        await harness.RetryAsync();

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Null(harness.Instance.Incident);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), harness.BookmarkOf("wait").ResumeAt);
    }

    [Fact]
    public async Task LoopWithoutAWait_FaultsInsteadOfSpinningForever()
    {
        var harness = new RunnerHarness(new FlowBuilder("loop")
            .Activity("start", "Start")
            .Activity("again", "Decision", ("condition", FlowBuilder.Scriban("true")))
            .Activity("end", "End")
            .Connect("start", "again").Connect("again", "again", "True").Connect("again", "end", "False")
            .ToJson());

        await harness.StartAsync();

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Contains("without waiting", harness.Instance.Incident!.Error);
    }

    [Fact]
    public async Task Child_Completing_PutsTheParentsResumeInTheOutbox()
    {
        var harness = new RunnerHarness(FlowBuilder.SingleTask("child").ToJson());
        await harness.StartAsync();
        var parentId = Guid.NewGuid();
        var parentBookmark = Guid.NewGuid();
        harness.Instance.ParentInstanceId = parentId;
        harness.Instance.ParentBookmarkId = parentBookmark;

        var commit = await harness.CompleteAsync("task", "Approve");

        var resume = Assert.Single(commit.Outbox, m => m.Kind == OutboxKinds.Resume);
        var request = System.Text.Json.JsonSerializer.Deserialize<ResumeRequest>(resume.Payload, EngineJson.Options)!;
        Assert.Equal((parentId, parentBookmark), (request.InstanceId, request.BookmarkId));
        Assert.Equal("Completed", request.Payload!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_InputNamingADeclaredVariable_SetsIt()
    {
        var harness = new RunnerHarness(new FlowBuilder("vars").Variable("applicant", "nobody").Variable("fee", 0)
            .Activity("start", "Start")
            .Activity("set", "SetVariable", ("variable", "fee"), ("value", FlowBuilder.Scriban("fee + 10")))
            .Activity("end", "End")
            .Chain("start", "set", "end")
            .ToJson());

        await harness.StartAsync(new JsonObject { ["applicant"] = "李四", ["fee"] = 5 });

        Assert.Equal("李四", harness.Instance.Variables["applicant"]!.GetValue<string>());
        Assert.Equal("15", harness.Instance.Variables["fee"]!.ToJsonString());
    }

    private static string ParallelReviews(string mode) => new FlowBuilder("parallel")
        .Activity("start", "Start")
        .Activity("fork", "Fork")
        .Activity("legal", "HumanTask", ("title", "法制审核"), ("assignee", "lawyer"))
        .Activity("technical", "HumanTask", ("title", "技术审查"), ("assignee", "engineer"))
        .Activity("join", "Join", ("mode", mode))
        .Activity("after", "Log", ("message", "joined"))
        .Activity("end", "End")
        .Connect("start", "fork").Connect("fork", "legal").Connect("fork", "technical")
        .Connect("legal", "join", "Approve").Connect("technical", "join", "Approve")
        .Connect("legal", "end", "Reject").Connect("technical", "end", "Reject")
        .Chain("join", "after", "end")
        .ToJson();

    private static string TaskWithDeadline() => new FlowBuilder("deadline")
        .Activity("start", "Start")
        .Activity("fork", "Fork")
        .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")), ("outcomes", new JsonArray("Approve")))
        .Activity("deadline", "Timer", ("duration", "P5D"))
        .Activity("race", "Join", ("mode", "WaitAny"))
        .Activity("end", "End")
        .Connect("start", "fork").Connect("fork", "review").Connect("fork", "deadline")
        .Connect("review", "race", "Approve").Connect("deadline", "race")
        .Connect("race", "end")
        .ToJson();
}
