using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.Tests.Execution;

/// <summary>An activity waiting on a signal or its deadline, whichever comes first, and Terminate ending everything.</summary>
public sealed class WaitForFirstAndTerminateTests
{
    /// <summary>Waits for the "reply" signal or a timer a day later; says which came first.</summary>
    private sealed class ReplyOrDeadline : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new("ReplyOrDeadline", "Test", new("答复或到期", "Reply or deadline"), new("", ""), [], ["Replied", "Lapsed"]);

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
        {
            context.SetData(JsonValue.Create("kept"));
            var reply = context.CreateBookmark(BookmarkKinds.Signal, "reply");
            var lapse = context.CreateBookmark(BookmarkKinds.Timer, resumeAt: context.Now.AddDays(1));
            return new(ActivityResult.WaitForFirst(reply, lapse));
        }

        public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
        {
            // The activity's own data survives the cancelling of its other bookmark.
            Assert.Equal("kept", context.GetData()!.GetValue<string>());
            return new(ActivityResult.Complete(stimulus.Bookmark.Kind == BookmarkKinds.Timer ? "Lapsed" : "Replied"));
        }
    }

    private static RunnerHarness Harness() => new(new FlowBuilder("first")
        .Activity("start", "Start")
        .Activity("wait", "ReplyOrDeadline")
        .Activity("replied", "Log", ("message", "replied"))
        .Activity("lapsed", "Log", ("message", "lapsed"))
        .Activity("end", "End")
        .Connect("start", "wait").Connect("wait", "replied", "Replied").Connect("wait", "lapsed", "Lapsed").Connect("replied", "end").Connect("lapsed", "end")
        .ToJson(), [new ReplyOrDeadline()]);

    [Fact]
    public async Task SignalFirst_CancelsTheTimerAndItsTrigger()
    {
        var harness = Harness();
        await harness.StartAsync();
        Assert.Equal(2, harness.Bookmarks.Count);
        var timer = harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Timer);

        var commit = await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal));

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Contains(timer.Id, commit.RemovedBookmarkIds);
        Assert.Contains(commit.Outbox, m => m.Kind == OutboxKinds.CancelTimer && m.Payload.Contains(timer.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "replied"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "lapsed"));
        Assert.Equal(1, harness.Count(JournalEvents.BookmarkCancelled, "wait"));
        Assert.Empty(harness.Bookmarks);
    }

    [Fact]
    public async Task TimerFirst_CancelsTheSignal_AndALateSignalFindsNothing()
    {
        var harness = Harness();
        await harness.StartAsync();
        var signal = harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal);

        await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Timer));

        Assert.Equal(1, harness.Count(JournalEvents.Log, "lapsed"));
        Assert.DoesNotContain(harness.Bookmarks, b => b.Id == signal.Id);
        await Assert.ThrowsAsync<BookmarkGoneException>(() => harness.Runner.ResumeAsync(harness.Instance, harness.Definition, signal, null, "late", CancellationToken.None));
    }

    [Fact]
    public async Task Terminate_OnOnePath_CancelsTheTaskOnTheOtherAndCompletesTheInstance()
    {
        var harness = new RunnerHarness(new FlowBuilder("terminate")
            .Activity("start", "Start")
            .Activity("fork", "Fork", ("branches", new JsonArray("Review", "Watch")))
            .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
            .Activity("watch", "WaitForSignal", ("signal", "withdraw"))
            .Activity("stop", "Terminate", ("reason", "申请人撤回"))
            .Activity("end", "End")
            .Connect("start", "fork").Connect("fork", "review", "Review").Connect("fork", "watch", "Watch")
            .Connect("review", "end", "Approve").Connect("review", "end", "Reject").Connect("watch", "stop")
            .ToJson());
        await harness.StartAsync();
        Assert.Single(harness.OpenWorkItems);

        var commit = await harness.ResumeAsync(harness.BookmarkOf("watch"));

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Empty(harness.OpenWorkItems);
        Assert.Empty(harness.Bookmarks);
        var terminated = Assert.Single(commit.Journal, j => j.Event == JournalEvents.InstanceTerminated);
        Assert.Equal("申请人撤回", terminated.Data!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Validation_APathEndingInTerminateCountsAsAnEnd()
    {
        var harness = new RunnerHarness(new FlowBuilder("only-terminate")
            .Activity("start", "Start")
            .Activity("stop", "Terminate")
            .Connect("start", "stop")
            .ToJson());

        Assert.Empty(harness.Validator.Validate(harness.Definition));
    }
}
