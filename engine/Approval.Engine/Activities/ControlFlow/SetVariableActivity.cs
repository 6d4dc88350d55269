using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.ControlFlow;

/// <summary>Sets a declared variable to the value of an expression.</summary>
public sealed class SetVariableActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", Categories.Data, new("设置变量", "Set variable"), new("把表达式的值写入流程变量。", "Writes an expression's value into a flow variable."),
        [
            new InputDescriptor("variable", "String", new("变量", "Variable"), Required: true, LiteralOnly: true),
            new InputDescriptor("value", "Object", new("值", "Value")),
        ],
        ["Done"]);

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var name = InputConversions.ToText(node.Input("variable")?.Value);
        if (!string.IsNullOrWhiteSpace(name) && !definition.Variables.Any(v => v.Name == name || v.Id == name))
        {
            yield return new DefinitionError("unknown-variable", $"Variable '{name}' is not declared in the definition's variables.", node.Id, "variable");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var reference = InputConversions.ToText(context.Node.Input("variable")?.Value)!;

        // Elsa exports refer to variables by id; we keep values under the variable's name.
        var name = context.Definition.Variables.FirstOrDefault(v => v.Id == reference)?.Name ?? reference;
        context.SetVariable(name, context.Evaluate("value"));
        return new(ActivityResult.Done);
    }
}
