using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Engine.Tests.Expressions;

public sealed class ScribanExpressionEvaluatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 10, 1, 0, 30, 0, TimeSpan.Zero));
    private static readonly ScribanExpressionEvaluator Evaluator = new(Clock);

    private static JsonNode? Eval(string expression, JsonObject? variables = null, JsonObject? input = null) =>
        Evaluator.Evaluate(new InputValue("Object", ExpressionTypes.Scriban, expression), new ExpressionScope(variables ?? [], input ?? []));

    [Fact]
    public void Evaluate_SeesVariablesInputAndForm()
    {
        var result = Eval(
            "applicant + '/' + input.channel + '/' + form.materials[1]",
            new JsonObject { ["applicant"] = "王五" },
            new JsonObject { ["channel"] = "窗口", ["form"] = new JsonObject { ["materials"] = new JsonArray("营业执照", "身份证") } });

        Assert.Equal("王五/窗口/身份证", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_DateNow_ReadsTheEnginesClockInChinaTime()
    {
        Assert.Equal("2026-10-01 08:30", Eval("date.now | date.to_string '%Y-%m-%d %H:%M'")!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_EndlessLoop_IsStopped()
    {
        var ex = Assert.Throws<ExpressionException>(() => Eval("x = 0; while true; x = x + 1; end; x"));
        Assert.NotEmpty(ex.Message);
    }

    [Fact]
    public void Evaluate_Include_CannotReadFiles()
    {
        Assert.Throws<ExpressionException>(() => Eval("include '/etc/passwd'"));
    }

    [Fact]
    public void Evaluate_DotNetMembers_AreNotReachable()
    {
        // Strings are plain values to Scriban; there is no GetType or Assembly to walk to.
        Assert.Null(Eval("'abc'.GetType"));
    }

    [Fact]
    public void Check_ReportsParseErrorsWithoutRunning()
    {
        Assert.NotEmpty(Evaluator.Check(ExpressionTypes.Scriban, "1 +"));
        Assert.Empty(Evaluator.Check(ExpressionTypes.Scriban, "1 + 2"));
    }

    [Fact]
    public void Evaluate_ObjectLiteralWrittenAsText_IsParsedAsJson()
    {
        var node = Evaluator.Evaluate(new InputValue("Object", ExpressionTypes.Object, "{\"a\":[1,2]}"), new ExpressionScope([], []));
        Assert.Equal(2, node!["a"]!.AsArray().Count);
    }
}
