using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Clocks;

/// <summary>StartClock in a running flow: the commit carries the clock's row and its escalation schedule; finishing the case stops it.</summary>
/// <remarks>
/// Received Saturday 2025-09-27 10:00; Sunday 09-28 is a 调休 working day, so that is the acceptance date. Working days after
/// it, by hand from the 2025 notice: 09-29 1, 09-30 2, [10-01..10-08 off], 10-09 3, 10-10 4, 10-11 (Saturday 调休) 5,
/// 10-13 6, … 10-24 15, 10-27 16, 10-28 17, 10-29 18, 10-30 19, 10-31 20.
/// </remarks>
public sealed class StartClockActivityTests
{
    [Fact]
    public async Task StartClock_BeforeATask_CommitCarriesTheClockRowAndAnEscalationSchedule()
    {
        var harness = NewHarness();

        var commit = await harness.StartAsync();

        var record = Assert.Single(commit.Clocks);
        Assert.Equal(LegalClock.CaseClockName, record.Name);
        Assert.Equal(harness.Instance.Id, record.InstanceId);
        Assert.Equal(ClockStatus.Running, record.Status);
        Assert.Equal(Day("2025-09-28"), record.AcceptedOn);
        Assert.Equal(Day("2025-10-11"), record.CommittedDueDate);
        Assert.Equal(Day("2025-10-31"), record.StatutoryDueDate);
        Assert.Equal(WarningLevel.Normal, record.Level);
        Assert.Equal("市场监管局", record.Department);
        Assert.Equal(Midnight("2025-10-10"), record.YellowAt); // one working day (10-11) left from 10-10
        Assert.Equal(Midnight("2025-10-12"), record.RedAt);
        Assert.Equal(Midnight("2025-11-01"), record.CriticalAt);

        var schedule = Schedule(commit);
        Assert.Equal(harness.Instance.Id, schedule.InstanceId);
        Assert.Equal(LegalClock.CaseClockName, schedule.ClockName);
        Assert.Equal(record.Sequence, schedule.Sequence);
        Assert.Equal(Midnight("2025-10-10"), schedule.YellowAt);
        Assert.Equal(Midnight("2025-10-12"), schedule.RedAt);
        Assert.Equal(Midnight("2025-11-01"), schedule.CriticalAt);
        Assert.Equal(1, harness.Count(JournalEvents.ClockChanged, "clock"));
    }

    [Fact]
    public async Task CompletingTheCase_StopsTheClock_AndCancelsItsEscalations()
    {
        var harness = NewHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2025-10-09 15:00"));

        var commit = await harness.CompleteAsync("review", "Approve");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Stopped, record.Status);
        Assert.Equal(At("2025-10-09 15:00"), record.StoppedAt);
        Assert.Equal(Day("2025-10-11"), record.CommittedDueDate);
        Assert.Null(record.YellowAt);
        Assert.Null(record.RedAt);
        Assert.Null(record.CriticalAt);
        var schedule = Schedule(commit);
        Assert.Equal((null, null, null), (schedule.YellowAt, schedule.RedAt, schedule.CriticalAt));
        Assert.True(harness.Instance.State.Clocks[LegalClock.CaseClockName].IsStopped);
    }

    [Fact]
    public async Task StopClock_AfterTheDecision_StopsTheClockWhileTheFlowGoesOn()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("stop-then-deliver")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 5), ("statutoryLimitDays", 20))
                .Activity("decide", "HumanTask", ("title", "决定"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("stop", "StopClock", ("reason", "作出准予许可决定"))
                .Activity("deliver", "HumanTask", ("title", "制证送达"), ("candidateRoles", new JsonArray("Clerk")))
                .Activity("end", "End")
                .Chain("start", "clock", "decide")
                .Connect("decide", "stop", "Approve").Connect("stop", "deliver").Connect("deliver", "end", "Approve")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2025-09-27 10:00"));
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2025-10-10 11:00"));

        var commit = await harness.CompleteAsync("decide", "Approve", actor: "审批员");

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Stopped, record.Status);
        Assert.Equal(WarningLevel.Yellow, record.Level); // stopped on 10-10 with one working day (10-11) left
        Assert.Null(record.YellowAt);
        var stopped = harness.Instance.State.Clocks[LegalClock.CaseClockName].History[^1];
        Assert.Equal((ClockEventKinds.Stopped, "审批员", "作出准予许可决定"), (stopped.Kind, stopped.By, stopped.Reason));

        // The case completing later leaves the stopped clock alone: no new row.
        Assert.Empty((await harness.CompleteAsync("deliver", "Approve")).Clocks);
    }

    [Fact]
    public async Task CancellingTheCase_StopsTheClock()
    {
        var harness = NewHarness();
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At("2025-10-09 15:00"));

        var commit = harness.Runner.Cancel(harness.Instance, harness.Definition, "admin", "申请人撤回申请");

        var record = Assert.Single(commit.Clocks);
        Assert.Equal(ClockStatus.Stopped, record.Status);
        Assert.Equal(At("2025-10-09 15:00"), record.StoppedAt);
        Assert.Null(Schedule(commit).YellowAt);
    }

    [Fact]
    public async Task StartClock_GivenStartedAt_AcceptsFromThatInstant()
    {
        // The last supplement arrived on the 2025 National Day holiday (10-03): acceptance rolls to Thursday 10-09,
        // committed 5 → 10-09 + 5 = 10-10 1, 10-11 2, 10-13 3, 10-14 4, 10-15 5.
        var harness = new RunnerHarness(
            new FlowBuilder("clock-started-at")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 5), ("startedAt", "2025-10-03T11:00:00+08:00"))
                .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
                .Activity("end", "End")
                .Chain("start", "clock", "review").Connect("review", "end", "Approve")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2025-10-09 09:00"));

        var record = Assert.Single((await harness.StartAsync()).Clocks);

        Assert.Equal(Day("2025-10-09"), record.AcceptedOn);
        Assert.Equal(Day("2025-10-15"), record.CommittedDueDate);
        Assert.Null(record.StatutoryDueDate);
        Assert.Null(record.CriticalAt);
    }

    [Fact]
    public async Task StartClock_CommittedAboveStatutory_FaultsWithoutAClock()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("clock-bad-limits")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 25), ("statutoryLimitDays", 20))
                .Activity("end", "End")
                .Chain("start", "clock", "end")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2025-09-22 10:00"));

        var commit = await harness.StartAsync();

        Assert.Equal(WorkflowStatus.Faulted, harness.Instance.Status);
        Assert.Empty(commit.Clocks);
        Assert.DoesNotContain(commit.Outbox, m => m.Kind == OutboxKinds.ScheduleEscalations);
    }

    private static RunnerHarness NewHarness() => new(
        new FlowBuilder("clock-task")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 5), ("statutoryLimitDays", 20), ("department", "市场监管局"))
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Chain("start", "clock", "review").Connect("review", "end", "Approve").Connect("review", "end", "Reject")
            .ToJson(),
        ActivitiesServiceCollectionExtensions.All,
        At("2025-09-27 10:00"));

    private static EscalationScheduleRequest Schedule(WorkflowCommit commit)
    {
        var message = Assert.Single(commit.Outbox, m => m.Kind == OutboxKinds.ScheduleEscalations);
        return JsonSerializer.Deserialize<EscalationScheduleRequest>(message.Payload, EngineJson.Options)!;
    }
}
