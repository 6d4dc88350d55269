using System.Text.Json.Nodes;
using Approval.Engine.Tests.Support;

namespace Approval.Activities.Tests.Clocks;

/// <summary>The clock activities in the definition validator: a well-formed flow passes, a mis-configured one fails where it is wrong.</summary>
public sealed class ClockActivityValidationTests
{
    [Fact]
    public void Validate_FlowUsingEveryClockActivity_NoErrors()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("every-clock-activity")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10), ("statutoryLimitDays", 20), ("subject", "食品经营许可"), ("department", "市场监管局"))
                .Activity("fork", "Fork")
                .Activity("caseTimer", "DeadlineTimer", ("clock", "case"), ("deadline", "Statutory"), ("remindDaysBefore", new JsonArray("3", "1")))
                .Activity("noticeTimer", "DeadlineTimer", ("workingDays", 5), ("from", "2026-02-13T10:00:00+08:00"))
                .Activity("pause", "PauseClock", ("reason", "专家评审"), ("key", "expert"))
                .Activity("review", "HumanTask", ("title", "专家评审"), ("candidateRoles", new JsonArray("Expert")), ("limitWorkingDays", 5))
                .Activity("resume", "ResumeClock", ("key", "expert"), ("reason", "评审结束"))
                .Activity("extend", "ExtendDeadline", ("days", 10), ("approvedBy", "局长"), ("reason", "需要补充论证"), ("resultVariable", "extension"))
                .Activity("stop", "StopClock", ("reason", "作出决定"))
                .Activity("end", "End")
                .Chain("start", "clock", "fork")
                .Connect("fork", "caseTimer").Connect("fork", "noticeTimer").Connect("fork", "pause")
                .Connect("caseTimer", "end", "Reminder").Connect("caseTimer", "end", "Due")
                .Connect("noticeTimer", "end", "Due")
                .Chain("pause", "review")
                .Connect("review", "resume", "Approve")
                .Connect("resume", "extend")
                .Connect("extend", "stop", "Extended").Connect("extend", "stop", "Refused")
                .Connect("stop", "end")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All);

        Assert.Empty(harness.Validator.Validate(harness.Definition));
    }

    [Theory]
    [InlineData(false, false, "clock")]
    [InlineData(true, true, "workingDays")]
    public void Validate_DeadlineTimerWithoutOrWithBothClockAndWorkingDays_ErrorLocatedAtTheTimer(bool withClock, bool withDays, string input)
    {
        var inputs = new List<(string, JsonNode?)>();
        if (withClock)
        {
            inputs.Add(("clock", "case"));
        }

        if (withDays)
        {
            inputs.Add(("workingDays", 5));
        }

        var harness = new RunnerHarness(
            new FlowBuilder("bad-timer")
                .Activity("start", "Start")
                .Activity("clock", "StartClock", ("committedLimitDays", 10))
                .Activity("timer", "DeadlineTimer", [.. inputs])
                .Activity("end", "End")
                .Chain("start", "clock", "timer").Connect("timer", "end", "Due")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All);

        var error = Assert.Single(harness.Validator.Validate(harness.Definition));
        Assert.Equal("missing-input", error.Code);
        Assert.Equal("timer", error.ActivityId);
        Assert.Equal(input, error.Input);
    }

    [Theory]
    [InlineData("StartClock", "committedLimitDays")]
    [InlineData("PauseClock", "reason")]
    [InlineData("ExtendDeadline", "approvedBy")]
    public void Validate_ClockActivityWithoutARequiredInput_ErrorLocatedAtThatInput(string type, string missing)
    {
        var all = new Dictionary<string, (string, JsonNode?)[]>
        {
            ["StartClock"] = [("statutoryLimitDays", 20)],
            ["PauseClock"] = [("key", "hearing")],
            ["ExtendDeadline"] = [("reason", "需要补充论证")],
        };
        var harness = new RunnerHarness(
            new FlowBuilder("missing-input")
                .Activity("start", "Start")
                .Activity("step", type, all[type])
                .Activity("end", "End")
                .Chain("start", "step")
                .Connect("step", "end", type == "ExtendDeadline" ? "Extended" : "Done")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All);

        var errors = harness.Validator.Validate(harness.Definition);

        Assert.Contains(errors, e => e.Code == "missing-input" && e.ActivityId == "step" && e.Input == missing);
    }

    [Fact]
    public void Validate_DeadlineTimerUnknownPort_Refused()
    {
        var harness = new RunnerHarness(
            new FlowBuilder("bad-port")
                .Activity("start", "Start")
                .Activity("timer", "DeadlineTimer", ("workingDays", 5))
                .Activity("end", "End")
                .Chain("start", "timer").Connect("timer", "end", "Overdue")
                .ToJson(),
            ActivitiesServiceCollectionExtensions.All);

        var error = Assert.Single(harness.Validator.Validate(harness.Definition));
        Assert.Equal(("missing-port", "timer"), (error.Code, error.ActivityId));
    }
}
