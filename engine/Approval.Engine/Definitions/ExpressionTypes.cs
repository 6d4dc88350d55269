namespace Approval.Engine.Definitions;

/// <summary>The expression languages an input may be written in.</summary>
/// <remarks>Elsa exports also carry JavaScript, C# and Python; we refuse them at validation instead of guessing.</remarks>
public static class ExpressionTypes
{
    /// <summary>The value as written, converted to the input's type.</summary>
    public const string Literal = "Literal";

    /// <summary>A JSON value (object, array, number) taken as written.</summary>
    public const string Object = "Object";

    /// <summary>A Scriban expression evaluated over variables, input and form.</summary>
    public const string Scriban = "Scriban";

    /// <summary>A Liquid template, evaluated by Scriban's Liquid front end.</summary>
    public const string Liquid = "Liquid";

    /// <summary>The value of the variable whose name (or id) is written.</summary>
    public const string Variable = "Variable";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        Literal, Object, Scriban, Liquid, Variable,
    };
}
