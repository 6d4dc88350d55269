namespace Approval.Engine.Calendar;

/// <summary>Holiday CSV text that cannot be read; <see cref="Problems"/> lists every bad line, so one upload fixes them all.</summary>
public sealed class CalendarFormatException(IReadOnlyList<string> problems) : FormatException(Describe(problems))
{
    /// <summary>One message per problem, each starting with the line number it is about.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"The calendar CSV has a problem: {problems[0]}"
            : $"The calendar CSV has {problems.Count} problems: {string.Join(" ", problems)}";
}
