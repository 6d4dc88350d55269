using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    private static readonly DefinitionValidator Validator = new(new ActivityRegistry(ActivityRegistry.BuiltIns), new ScribanExpressionEvaluator(TimeProvider.System));

    private static IReadOnlyList<DefinitionError> Validate(FlowBuilder flow) => Validator.Validate(DefinitionJson.Read(flow.ToJson()));

    private static FlowBuilder Valid() => FlowBuilder.SingleTask("valid");

    [Fact]
    public void Validate_AWellFormedFlow_HasNoErrors()
    {
        Assert.Empty(Validate(Valid()));
    }

    [Fact]
    public void Validate_UnknownType_IsLocatedAtTheActivity()
    {
        var error = Assert.Single(Validate(Valid().Activity("mystery", "SendFax").Connect("start", "mystery")), e => e.Code == "unknown-type");
        Assert.Equal("mystery", error.ActivityId);
        Assert.Contains("SendFax", error.Message);
    }

    [Fact]
    public void Validate_MissingRequiredInput_NamesActivityAndInput()
    {
        var flow = new FlowBuilder("missing")
            .Activity("start", "Start").Activity("check", "Decision").Activity("end", "End")
            .Connect("start", "check").Connect("check", "end", "True").Connect("check", "end", "False");

        var error = Assert.Single(Validate(flow), e => e.Code == "missing-input");

        Assert.Equal(("check", "condition"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void Validate_ConnectionToAMissingActivity_IsReported()
    {
        var error = Assert.Single(Validate(Valid().Connect("task", "ghost", "Reject")), e => e.Code == "missing-activity");
        Assert.Contains("ghost", error.Message);
    }

    [Fact]
    public void Validate_ConnectionFromAPortTheActivityLacks_ListsTheRealPorts()
    {
        var error = Assert.Single(Validate(Valid().Connect("task", "end", "Escalate")), e => e.Code == "missing-port");
        Assert.Equal("task", error.ActivityId);
        Assert.Contains("Approve, Reject", error.Message);
    }

    [Fact]
    public void Validate_NoStart_IsReported()
    {
        var flow = new FlowBuilder("no-start").Activity("log", "Log", ("message", "x")).Activity("end", "End").Chain("log", "end");
        Assert.Contains(Validate(flow), e => e.Code == "no-start");
    }

    [Fact]
    public void Validate_ActivityNotReachableFromStart_IsReported()
    {
        var error = Assert.Single(Validate(Valid().Activity("orphan", "Log", ("message", "never"))), e => e.Code == "unreachable");
        Assert.Equal("orphan", error.ActivityId);
    }

    [Fact]
    public void Validate_NoEndReachable_IsReported()
    {
        var flow = new FlowBuilder("no-end").Activity("start", "Start").Activity("log", "Log", ("message", "x")).Chain("start", "log");
        Assert.Contains(Validate(flow), e => e.Code == "no-end");
    }

    [Fact]
    public void Validate_JoinWithOneInboundPath_IsReported()
    {
        var flow = new FlowBuilder("lonely-join")
            .Activity("start", "Start").Activity("join", "Join").Activity("end", "End").Chain("start", "join", "end");

        var error = Assert.Single(Validate(flow), e => e.Code == "join-single-path");
        Assert.Equal("join", error.ActivityId);
    }

    [Fact]
    public void Validate_ExpressionThatDoesNotParse_IsLocatedAtItsInput()
    {
        var flow = new FlowBuilder("bad-expression")
            .Activity("start", "Start").Activity("check", "Decision", ("condition", FlowBuilder.Scriban("form.amount >")))
            .Activity("end", "End")
            .Connect("start", "check").Connect("check", "end", "True").Connect("check", "end", "False");

        var error = Assert.Single(Validate(flow), e => e.Code == "expression-syntax");
        Assert.Equal(("check", "condition"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void Validate_JavaScriptExpression_IsRefusedWithAHint()
    {
        var flow = new FlowBuilder("js")
            .Activity("start", "Start").Activity("log", "Log", ("message", FlowBuilder.Expression("JavaScript", "'hi'"))).Activity("end", "End")
            .Chain("start", "log", "end");

        var error = Assert.Single(Validate(flow), e => e.Code == "unsupported-expression");
        Assert.Equal(("log", "message"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void Validate_TaskOutcomesWrittenAsAnExpression_AreRefusedBecausePortsMustBeFixed()
    {
        var flow = new FlowBuilder("dynamic-ports")
            .Activity("start", "Start")
            .Activity("task", "HumanTask", ("title", "x"), ("assignee", "a"), ("outcomes", FlowBuilder.Scriban("['A']")))
            .Activity("end", "End")
            .Connect("start", "task").Connect("task", "end", "Approve");

        Assert.Contains(Validate(flow), e => e.Code == "literal-required" && e.Input == "outcomes");
    }

    [Fact]
    public void Validate_SetVariableOfAnUndeclaredVariable_IsReported()
    {
        var flow = new FlowBuilder("undeclared")
            .Activity("start", "Start").Activity("set", "SetVariable", ("variable", "nope"), ("value", 1)).Activity("end", "End")
            .Chain("start", "set", "end");

        Assert.Contains(Validate(flow), e => e.Code == "unknown-variable" && e.ActivityId == "set");
    }

    [Fact]
    public void Validate_TaskWithNobodyToDoIt_IsReported()
    {
        var flow = new FlowBuilder("nobody")
            .Activity("start", "Start").Activity("task", "HumanTask", ("title", "x")).Activity("end", "End")
            .Connect("start", "task").Connect("task", "end", "Approve");

        Assert.Contains(Validate(flow), e => e.Code == "missing-input" && e.ActivityId == "task");
    }

    [Fact]
    public void Validate_BadLiteralDuration_SaysWhatIsExpected()
    {
        var flow = new FlowBuilder("bad-duration")
            .Activity("start", "Start").Activity("wait", "Timer", ("duration", "three days")).Activity("end", "End")
            .Chain("start", "wait", "end");

        var error = Assert.Single(Validate(flow), e => e.Code == "invalid-input");
        Assert.Contains("PT30M", error.Message);
    }

    [Fact]
    public void Read_DuplicateLabelsAndIds_AreReported()
    {
        var flow = Valid().Activity("task", "Log", ("message", "dup"));
        Assert.Contains(Validate(flow), e => e.Code == "duplicate-id" && e.ActivityId == "task");
    }

    [Fact]
    public void Validate_SwitchCaseConditionThatDoesNotParse_IsReported()
    {
        var cases = new JsonArray(new JsonObject { ["label"] = "A", ["condition"] = "x ==" });
        var flow = new FlowBuilder("switch")
            .Activity("start", "Start").Activity("route", "Switch", ("cases", FlowBuilder.Expression("Object", cases))).Activity("end", "End")
            .Connect("start", "route").Connect("route", "end", "A").Connect("route", "end", "Default");

        Assert.Contains(Validate(flow), e => e.Code == "expression-syntax" && e.Input == "cases");
    }
}
