namespace Approval.Engine.Calendar;

/// <summary>Holiday data that cannot be used (unreadable CSV or JSON, or a notice year that breaks a rule); <see cref="Problems"/> lists every problem, so one upload fixes them all.</summary>
public sealed class CalendarFormatException(IReadOnlyList<string> problems) : FormatException(Describe(problems))
{
    /// <summary>One message per problem, each naming the line, entry or date it is about.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"The calendar data has a problem: {problems[0]}"
            : $"The calendar data has {problems.Count} problems: {string.Join(" ", problems)}";
}
