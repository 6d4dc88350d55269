using System.Text.Json.Nodes;
using Approval.Engine.Clocks;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Clocks;

/// <summary>ExtendDeadline: the one extension of Art. 42 goes through Extended; a second one, or one too late, goes through Refused.</summary>
/// <remarks>
/// Received Friday 2024-09-27, committed 10 (due 10-16), statutory 20 (due 10-30). Working days after 09-27, by hand from the
/// 2024 notice: … 10-16 10, … 10-30 20, 10-31 21, 11-01 22, 11-04 23, 11-05 24, 11-06 25, 11-07 26, 11-08 27, 11-11 28,
/// 11-12 29, 11-13 30. Extended by 10: committed 10-30, statutory 11-13.
/// </remarks>
public sealed class ExtendDeadlineActivityTests
{
    [Fact]
    public async Task ExtendDeadline_Twice_FirstExtendedSecondRefused()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("extend-twice")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20))
                .Activity("first", "ExtendDeadline", ("approvedBy", "王局长"), ("reason", "需组织专家论证"), ("resultVariable", "firstExtension"))
                .Activity("second", "ExtendDeadline", ("approvedBy", "王局长"), ("reason", "专家论证未完成"), ("resultVariable", "secondExtension"))
                .Activity("firstRefused", "Log", ("message", "first refused"))
                .Activity("secondExtended", "Log", ("message", "second extended"))
                .Activity("secondRefused", "Log", ("message", "second refused"))
                .Activity("end", "End")
                .Chain("start", "clock", "first")
                .Connect("first", "second", "Extended").Connect("first", "firstRefused", "Refused")
                .Connect("second", "secondExtended", "Extended").Connect("second", "secondRefused", "Refused")
                .Connect("firstRefused", "end").Connect("secondExtended", "end").Connect("secondRefused", "end")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2024-09-27 10:00"));

        var commit = await harness.StartAsync();

        Assert.Equal(0, harness.Count(JournalEvents.Log, "firstRefused"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, "secondExtended"));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "secondRefused"));

        var first = harness.Instance.Variables["firstExtension"]!;
        Assert.True(first["extended"]!.GetValue<bool>());
        Assert.Equal(10, first["days"]!.GetValue<int>());
        Assert.Equal("2024-10-30", first["committedDueDate"]!.GetValue<string>());
        Assert.Equal("2024-11-13", first["statutoryDueDate"]!.GetValue<string>());
        var second = harness.Instance.Variables["secondExtension"]!;
        Assert.False(second["extended"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(second["reason"]?.GetValue<string>()));

        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.Equal(10, clock.ExtensionDays);
        var extended = Assert.Single(clock.History, e => e.Kind == ClockEventKinds.Extended);
        Assert.Equal(("王局长", "需组织专家论证"), (extended.By, extended.Reason));
        // One row for the burst, as the clock stood at its end: extended once, then stopped when the flow reached End.
        var record = Assert.Single(commit.Clocks);
        Assert.Equal(Day("2024-10-30"), record.CommittedDueDate);
        Assert.Equal(Day("2024-11-13"), record.StatutoryDueDate);
        Assert.Equal(ClockStatus.Stopped, record.Status);
    }

    [Theory]
    [InlineData("2024-10-16 09:00", "Extended")] // on the committed due date
    [InlineData("2024-10-16 23:59", "Extended")]
    [InlineData("2024-10-17 00:00", "Refused")] // the day after it, from midnight Beijing time
    [InlineData("2024-10-18 10:00", "Refused")]
    public async Task ExtendDeadline_AfterTheCommittedDueDate_Refused(string approvedAt, string outcome)
    {
        var harness = new RunnerHarness(
            new FlowBuilder("extend-late")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20))
                .Activity("approval", "HumanTask", ("title", "局长审批延期"), ("candidateRoles", new JsonArray("Head")), ("resultVariable", "approval"))
                .Activity("extend", "ExtendDeadline", ("approvedBy", FlowBuilder.Scriban("approval.by")), ("reason", "需组织专家论证"), ("resultVariable", "extension"))
                .Activity("extended", "Log", ("message", "extended"))
                .Activity("refused", "Log", ("message", "refused"))
                .Activity("end", "End")
                .Chain("start", "clock", "approval")
                .Connect("approval", "extend", "Approve")
                .Connect("extend", "extended", "Extended").Connect("extend", "refused", "Refused")
                .Connect("extended", "end").Connect("refused", "end")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All,
            At("2024-09-27 10:00"));
        await harness.StartAsync();
        harness.Clock.SetUtcNow(At(approvedAt));

        await harness.CompleteAsync("approval", "Approve", actor: "王局长");

        Assert.Equal(1, harness.Count(JournalEvents.Log, outcome == "Extended" ? "extended" : "refused"));
        Assert.Equal(0, harness.Count(JournalEvents.Log, outcome == "Extended" ? "refused" : "extended"));
        Assert.Equal(outcome == "Extended", harness.Instance.Variables["extension"]!["extended"]!.GetValue<bool>());
        var clock = harness.Instance.State.Clocks[LegalClock.CaseClockName];
        Assert.Equal(outcome == "Extended" ? 10 : 0, clock.ExtensionDays);
        if (outcome == "Extended")
        {
            Assert.Equal("王局长", Assert.Single(clock.History, e => e.Kind == ClockEventKinds.Extended).By);
        }
    }
}
