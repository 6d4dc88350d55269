using System.Text.Json.Nodes;

namespace Approval.Engine.Expressions;

/// <summary>What an expression can see: the instance's variables, the input it was started with, and the form within that input.</summary>
public sealed class ExpressionScope(JsonObject variables, JsonObject input)
{
    public JsonObject Variables { get; } = variables;

    public JsonObject Input { get; } = input;

    /// <summary>The application form, when the instance was started with one (<c>input.form</c>); empty otherwise.</summary>
    public JsonObject Form => Input["form"] as JsonObject ?? [];
}
