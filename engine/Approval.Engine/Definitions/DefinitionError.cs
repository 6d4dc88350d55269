namespace Approval.Engine.Definitions;

/// <summary>One problem in a definition, located at the activity and input it concerns.</summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>unknown-type</c>.</param>
/// <param name="Message">What is wrong, in words an analyst understands.</param>
/// <param name="ActivityId">The activity concerned, or null for the definition as a whole.</param>
/// <param name="Input">The input concerned, or null.</param>
public sealed record DefinitionError(string Code, string Message, string? ActivityId = null, string? Input = null)
{
    public override string ToString() =>
        ActivityId is null ? $"{Code}: {Message}" : Input is null ? $"{ActivityId}: {Message}" : $"{ActivityId}.{Input}: {Message}";
}

/// <summary>Thrown when definition text is not a definition at all (malformed JSON, wrong shape).</summary>
public sealed class DefinitionFormatException(string message, IReadOnlyList<DefinitionError>? errors = null) : Exception(message)
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors ?? [new DefinitionError("malformed", message)];
}

/// <summary>Thrown when a definition parses but breaks a rule (publish, execute, import).</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception($"The definition is invalid: {string.Join("; ", errors.Take(5))}{(errors.Count > 5 ? $" (+{errors.Count - 5} more)" : "")}")
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
