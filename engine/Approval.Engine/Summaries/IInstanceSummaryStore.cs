namespace Approval.Engine.Summaries;

/// <summary>What reports read from the summaries.</summary>
public interface IInstanceSummaryStore
{
    /// <summary>Counts per group of the instances started in a period; see <see cref="SummaryAggregate"/> for each figure.</summary>
    Task<IReadOnlyList<SummaryAggregate>> AggregateAsync(SummaryAggregateQuery query, CancellationToken cancellationToken);

    Task<InstanceSummary?> FindAsync(Guid instanceId, CancellationToken cancellationToken);
}

/// <summary>The field a report groups by.</summary>
public enum SummaryGrouping
{
    Subject,
    Department,
    StartedBy,
}

/// <summary>Instances started in [<paramref name="From"/>, <paramref name="To"/>), grouped, optionally within one department.</summary>
/// <param name="CountedCategory">The category <see cref="SummaryAggregate.InCategory"/> counts.</param>
/// <param name="Today">The date overdue is judged on: open clocks due before it are overdue.</param>
public sealed record SummaryAggregateQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    SummaryGrouping GroupBy,
    string? Department,
    string? CountedCategory,
    DateOnly Today);

/// <param name="Key">The group's value (null when the field was empty).</param>
/// <param name="Name">For subjects, the subject's name.</param>
/// <param name="Started">Instances started.</param>
/// <param name="Returned">Of those, how many were ever sent back to the requester.</param>
/// <param name="InCategory">Of those, how many are in the counted category.</param>
/// <param name="Completed">Whose main clock has stopped.</param>
/// <param name="CompletedOnTime">Whose main clock stopped on or before its committed due date.</param>
/// <param name="OverdueOpen">Whose main clock runs past its committed due date.</param>
/// <param name="WorkingDaysOfCompleted">The working days the completed ones used, summed.</param>
public sealed record SummaryAggregate(
    string? Key,
    string? Name,
    int Started,
    int Returned,
    int InCategory,
    int Completed,
    int CompletedOnTime,
    int OverdueOpen,
    long WorkingDaysOfCompleted);
