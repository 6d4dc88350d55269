using Approval.Engine.Clocks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Hosting;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Approval.Engine.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>SLA escalation end to end: clock rows, Hangfire jobs, the sweep and simulated time, on a real database.</summary>
public abstract class ClockEscalationTests
{
    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Start → StartClock (committed, statutory) → a task for the reviewer → End.</summary>
    internal static string CaseFlow(string id, int committed, int statutory) => new FlowBuilder(id)
        .Activity("start", "Start")
        .Activity("clock", "StartClock", ("committedLimitDays", committed), ("statutoryLimitDays", statutory), ("department", "市场监管局"), ("subject", "GD-TEST"))
        .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
        .Activity("end", "End")
        .Chain("start", "clock", "review")
        .Connect("review", "end", "Approve")
        .Connect("review", "end", "Reject")
        .ToJson();

    internal static async Task<EngineHost> SimulatedHostAsync(EngineOptions options) => await EngineHost.StartAsync(new EngineOptions
    {
        Provider = options.Provider,
        ConnectionString = options.ConnectionString,
        RelayPollInterval = options.RelayPollInterval,
        ClockMode = ClockMode.Simulated,
    });

    [Fact]
    public async Task ThirtyDayJump_EachLevelEscalatesOnceToItsRecipients_AndTheSweepFindsNothingMore()
    {
        await using var host = await SimulatedHostAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(CaseFlow("sla-jump", committed: 5, statutory: 10));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await host.StartAsync("sla-jump")).Instance.Id);
        }

        var clocks = host.Services.GetRequiredService<IClockStore>();
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(ids[^1], LegalClock.CaseClockName, CancellationToken.None))?.JobIds.Count == 3),
            "the relay never scheduled the yellow, red and critical jobs");
        Assert.Empty(await clocks.ListEscalationsAsync(null, null, null, 100, CancellationToken.None));

        var advance = await host.InScopeAsync(sp => sp.GetRequiredService<SimulatedClock>().AdvanceAsync(TimeSpan.FromDays(30), "tester", CancellationToken.None));
        Assert.Equal(9, advance.Escalations);

        foreach (var id in ids)
        {
            var escalations = await clocks.ListEscalationsAsync(id, null, null, 100, CancellationToken.None);
            Assert.Equal([WarningLevel.Yellow, WarningLevel.Red, WarningLevel.Critical], escalations.Select(e => e.Level).Order());
            Assert.Equal(["user:reviewer"], escalations.Single(e => e.Level == WarningLevel.Yellow).Recipients);
            Assert.Equal(["role:Supervisor@市场监管局"], escalations.Single(e => e.Level == WarningLevel.Red).Recipients);
            Assert.Equal(["role:Admin"], escalations.Single(e => e.Level == WarningLevel.Critical).Recipients);
        }

        var sweep = await host.InScopeAsync(sp => sp.GetRequiredService<SlaSweep>().SweepAsync(CancellationToken.None));
        Assert.Equal(0, sweep);
        var reviewerInbox = await clocks.ListNotificationsAsync(["user:reviewer"], unreadOnly: true, 100, CancellationToken.None);
        Assert.Equal(3, reviewerInbox.Count);
        Assert.All(reviewerInbox, n => Assert.Equal(WarningLevel.Yellow, n.Level));
        Assert.Equal(3, (await clocks.ListAlertsAsync(WarningLevel.Critical, "市场监管局", host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CaseEnds_ClockStops_JobsAreCancelledAndNothingEscalates()
    {
        await using var host = await SimulatedHostAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(CaseFlow("sla-done", committed: 5, statutory: 10));
        var run = await host.StartAsync("sla-done");
        var clocks = host.Services.GetRequiredService<IClockStore>();
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(run.Instance.Id, LegalClock.CaseClockName, CancellationToken.None))?.JobIds.Count == 3));

        await host.CompleteAsync(run.CreatedWorkItems.Single().Id, "Approve");
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(run.Instance.Id, LegalClock.CaseClockName, CancellationToken.None))?.JobIds.Count == 0),
            "finishing the case did not cancel its escalation jobs");
        Assert.Equal(ClockStatus.Stopped, (await clocks.FindAsync(run.Instance.Id, LegalClock.CaseClockName, CancellationToken.None))!.Status);

        var advance = await host.InScopeAsync(sp => sp.GetRequiredService<SimulatedClock>().AdvanceAsync(TimeSpan.FromDays(30), "tester", CancellationToken.None));
        Assert.Equal(0, advance.Escalations);
        Assert.Empty(await clocks.ListEscalationsAsync(run.Instance.Id, null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task PausedClock_DoesNotEscalate_AndResumingReschedulesWithMovedDueDates()
    {
        await using var host = await SimulatedHostAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(new FlowBuilder("sla-pause")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 5), ("statutoryLimitDays", 10), ("department", "市场监管局"))
            .Activity("pause", "PauseClock", ("reason", "听证"))
            .Activity("hearing", "WaitForSignal", ("signal", "hearing-done"))
            .Activity("resume", "ResumeClock")
            .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
            .Activity("end", "End")
            .Chain("start", "clock", "pause", "hearing", "resume", "review")
            .Connect("review", "end", "Approve")
            .ToJson());
        var run = await host.StartAsync("sla-pause");
        var id = run.Instance.Id;
        var clocks = host.Services.GetRequiredService<IClockStore>();
        var started = (await clocks.FindAsync(id, LegalClock.CaseClockName, CancellationToken.None))!;
        Assert.Equal(ClockStatus.Paused, started.Status);
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(id, LegalClock.CaseClockName, CancellationToken.None)) is { JobIds.Count: 0 }),
            "a paused clock must have no escalation jobs");

        await host.InScopeAsync(sp => sp.GetRequiredService<SimulatedClock>().AdvanceAsync(TimeSpan.FromDays(30), "tester", CancellationToken.None));
        Assert.Empty(await clocks.ListEscalationsAsync(id, null, null, 10, CancellationToken.None));

        await host.InScopeAsync(sp => sp.GetRequiredService<Approval.Engine.Execution.WorkflowRuntime>().SignalAsync("hearing-done", null, null, "tester", CancellationToken.None));
        var resumed = (await clocks.FindAsync(id, LegalClock.CaseClockName, CancellationToken.None))!;
        Assert.Equal(ClockStatus.Running, resumed.Status);
        var calendar = host.Services.GetRequiredService<Approval.Engine.Calendar.CalendarProvider>().Current;
        var pausedDays = calendar.CountWorkingDays(started.AcceptedOn, Approval.Engine.Calendar.ChinaTime.DateOf(host.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        Assert.True(pausedDays >= 18, $"a 30-day pause covers at least 18 working days, not {pausedDays}");
        Assert.Equal(calendar.AddWorkingDays(started.CommittedDueDate, pausedDays), resumed.CommittedDueDate);
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(id, LegalClock.CaseClockName, CancellationToken.None)) is { JobIds.Count: 3 }),
            "resuming did not reschedule the escalations");
        Assert.Empty(await clocks.ListEscalationsAsync(id, null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task DeadlineTimer_SimulatedJumpPastItsWorkingDayInstant_FiresOnce()
    {
        await using var host = await SimulatedHostAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(new FlowBuilder("deadline-jump")
            .Activity("start", "Start")
            .Activity("deadline", "DeadlineTimer", ("workingDays", 5))
            .Activity("after", "Log", ("message", "five working days are over"))
            .Activity("end", "End")
            .Chain("start", "deadline")
            .Connect("deadline", "after", "Due")
            .Connect("after", "end")
            .ToJson());
        var run = await host.StartAsync("deadline-jump");
        var timer = Assert.Single(await host.Store.ListBookmarksAsync(run.Instance.Id, CancellationToken.None));
        var calendar = host.Services.GetRequiredService<Approval.Engine.Calendar.CalendarProvider>().Current;
        var today = Approval.Engine.Calendar.ChinaTime.DateOf(host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Equal(Approval.Engine.Calendar.ChinaTime.StartOfDay(calendar.AddWorkingDays(today, 5).AddDays(1)), timer.ResumeAt);

        var jump = await host.InScopeAsync(sp => sp.GetRequiredService<SimulatedClock>().AdvanceAsync(TimeSpan.FromDays(20), "tester", CancellationToken.None));
        Assert.True(await EngineHost.EventuallyAsync(async () =>
            (await host.Store.FindInstanceAsync(run.Instance.Id, CancellationToken.None))!.Status == Approval.Engine.Instances.WorkflowStatus.Completed),
            $"the deadline timer did not fire after the jump (swept {jump.TimersFired}): " + string.Join(" | ", (await host.Store.ReadJournalAsync(run.Instance.Id, CancellationToken.None)).Select(j => $"{j.Event} {j.ActivityId} {j.Data?.ToJsonString()}")));
        var journal = await host.Store.ReadJournalAsync(run.Instance.Id, CancellationToken.None);
        Assert.Single(journal, j => j.Event == Approval.Engine.Journal.JournalEvents.Log);
    }

    [Fact]
    public async Task HolidayNoticeLoaded_OpenClocksDueInThatYearMoveAndAreRescheduled()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(new FlowBuilder("sla-notice")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 10), ("startedAt", "2030-12-20T02:00:00Z"))
            .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
            .Activity("end", "End")
            .Chain("start", "clock", "review")
            .Connect("review", "end", "Approve")
            .ToJson());
        var run = await host.StartAsync("sla-notice");
        var clocks = host.Services.GetRequiredService<IClockStore>();

        // 2030-12-20 is a Friday; with no notice for 2031, ten working days end on Friday 2031-01-03.
        Assert.Equal(new DateOnly(2031, 1, 3), (await clocks.FindAsync(run.Instance.Id, LegalClock.CaseClockName, CancellationToken.None))!.CommittedDueDate);

        await host.Services.GetRequiredService<Approval.Engine.Calendar.CalendarService>().ReplaceYearAsync(
            2031, [new(new DateOnly(2031, 1, 1), Approval.Engine.Calendar.SpecialDayKind.Holiday, "元旦")], "test", "tester", CancellationToken.None);

        Assert.True(await EngineHost.EventuallyAsync(async () =>
            (await clocks.FindAsync(run.Instance.Id, LegalClock.CaseClockName, CancellationToken.None))!.CommittedDueDate == new DateOnly(2031, 1, 6)),
            "the open clock's row did not follow the new notice");
    }

    [Fact]
    public async Task LevelsAlreadyBegun_HangfireJobsEscalateWithoutTheSweep()
    {
        // Accepted on 2026-11-02 with 5 and 10 working days: the statutory due date (11-16) passed long ago, so the
        // relay enqueues all three jobs at once and Hangfire runs them; no sweep is involved.
        await using var host = await SimulatedHostAsync(await TestDatabases.NewAsync(Provider));
        await host.PublishAsync(new FlowBuilder("sla-job")
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 5), ("statutoryLimitDays", 10), ("startedAt", "2026-11-02T02:00:00Z"), ("department", "市场监管局"))
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new System.Text.Json.Nodes.JsonArray("Approver")), ("department", "市场监管局"))
            .Activity("end", "End")
            .Chain("start", "clock", "review")
            .Connect("review", "end", "Approve")
            .ToJson());
        var run = await host.StartAsync("sla-job");
        var clocks = host.Services.GetRequiredService<IClockStore>();
        Assert.True(await EngineHost.EventuallyAsync(async () => (await clocks.ListEscalationsAsync(run.Instance.Id, null, null, 10, CancellationToken.None)).Count == 3),
            "the Hangfire jobs did not escalate the three levels");
        var escalations = await clocks.ListEscalationsAsync(run.Instance.Id, null, null, 10, CancellationToken.None);
        Assert.All(escalations, e => Assert.Equal("job", e.Source));
        Assert.Equal(["role:Approver@市场监管局"], escalations.Single(e => e.Level == WarningLevel.Yellow).Recipients);
        Assert.Equal(new DateOnly(2026, 11, 9), escalations.Single(e => e.Level == WarningLevel.Red).DueDate);
        Assert.Equal(new DateOnly(2026, 11, 16), escalations.Single(e => e.Level == WarningLevel.Critical).DueDate);
    }
}

public sealed class SqliteClockEscalationTests : ClockEscalationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresClockEscalationTests : ClockEscalationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    [Fact]
    public async Task TwoHosts_ThirtyDaySimulatedJump_EachOverdueCaseHasExactlyOneEscalationPerLevel()
    {
        var options = await TestDatabases.NewAsync(DatabaseProvider.PostgreSql);
        await using var first = await SimulatedHostAsync(options);
        await using var second = await SimulatedHostAsync(options);
        await first.PublishAsync(CaseFlow("sla-cluster", committed: 5, statutory: 10));
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await (i % 2 == 0 ? first : second).StartAsync("sla-cluster")).Instance.Id);
        }

        var clocks = first.Services.GetRequiredService<IClockStore>();
        await EngineHost.EventuallyAsync(async () => (await clocks.FindJobSetAsync(ids[^1], LegalClock.CaseClockName, CancellationToken.None)) is not null);

        await first.InScopeAsync(sp => sp.GetRequiredService<SimulatedClock>().AdvanceAsync(TimeSpan.FromDays(30), "tester", CancellationToken.None));
        var firstNow = first.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.True(await EngineHost.EventuallyAsync(() => Task.FromResult(second.Services.GetRequiredService<TimeProvider>().GetUtcNow() >= firstNow)),
            "the second host never saw the jump");

        // Both hosts sweep at once, several times over, as their recurring sweeps and retries would.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).InScopeAsync(sp => sp.GetRequiredService<SlaSweep>().SweepAsync(CancellationToken.None))));

        var all = await clocks.ListEscalationsAsync(null, null, null, 1000, CancellationToken.None);
        foreach (var id in ids)
        {
            var mine = all.Where(e => e.InstanceId == id).Select(e => e.Level).Order().ToList();
            Assert.Equal([WarningLevel.Yellow, WarningLevel.Red, WarningLevel.Critical], mine);
        }

        Assert.Equal(60, all.Count);
        var notifications = await clocks.ListNotificationsAsync(["user:reviewer", "role:Supervisor@市场监管局", "role:Admin"], unreadOnly: false, 1000, CancellationToken.None);
        Assert.Equal(60, notifications.Count);
    }
}
