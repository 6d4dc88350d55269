using System.Text.Json.Nodes;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Clocks;

/// <summary>A human task's own limit in working days (环节时限): the work item is due at 00:00 Beijing after the N-th working day.</summary>
public sealed class HumanTaskLimitTests
{
    // 2026: 02-14 (Saturday 调休) is worked, 02-15..02-23 are off.
    [Theory]
    [InlineData("2026-02-13 10:00", "2026-02-26")] // Friday: 02-14 1, 02-24 2, 02-25 3
    [InlineData("2026-02-14 07:00", "2026-02-27")] // Saturday 调休 (still Friday 23:00 UTC): 02-24 1, 02-25 2, 02-26 3
    [InlineData("2026-02-18 09:00", "2026-02-27")] // created during the holiday: 02-24 1, 02-25 2, 02-26 3
    public async Task HumanTask_LimitWorkingDays_DueAtMidnightAfterTheNthWorkingDay(string createdAt, string dueAtMidnightOf)
    {
        var harness = new RunnerHarness(
            new FlowBuilder("task-limit")
                .Activity("start", "Start")
                .Activity("task", "HumanTask", ("title", "初审"), ("candidateRoles", new JsonArray("Approver")), ("limitWorkingDays", 3))
                .Activity("end", "End")
                .Connect("start", "task").Connect("task", "end", "Approve")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At(createdAt));

        await harness.StartAsync();

        var item = Assert.Single(harness.WorkItems);
        Assert.Equal(3, item.LimitWorkingDays);
        Assert.Equal(Midnight(dueAtMidnightOf), item.DueAt);
    }

    [Fact]
    public async Task HumanTask_NoLimit_NoLimitOnTheWorkItem()
    {
        var harness = new RunnerHarness(FlowBuilder.SingleTask("no-limit").ToJson(), ActivitiesServiceCollectionExtensions.All, At("2026-02-13 10:00"));

        await harness.StartAsync();

        var item = Assert.Single(harness.WorkItems);
        Assert.Null(item.LimitWorkingDays);
        Assert.Null(item.DueAt);
    }
}
