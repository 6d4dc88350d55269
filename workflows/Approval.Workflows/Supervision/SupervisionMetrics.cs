using Approval.Engine.Calendar;
using Approval.Engine.Summaries;

namespace Approval.Workflows.Supervision;

/// <summary>The supervision figures of domain.md §6 per matter, department or clerk, from the case summaries and clocks.</summary>
public sealed class SupervisionMetrics(IInstanceSummaryStore summaries, TimeProvider time)
{
    /// <summary>Above this share of returns a clerk or matter is flagged (the Dongguan plan sends the clerk to retraining).</summary>
    public const double ReturnRateThreshold = 0.10;

    /// <summary>The longest period one request may cover, so a report stays one indexed range scan.</summary>
    public const int MaxPeriodDays = 3660;

    public async Task<IReadOnlyList<MetricsRow>> QueryAsync(MetricsQuery query, CancellationToken cancellationToken)
    {
        if (query.To < query.From)
        {
            throw new ArgumentException($"'to' ({query.To:yyyy-MM-dd}) is before 'from' ({query.From:yyyy-MM-dd}).");
        }

        if (query.To.DayNumber - query.From.DayNumber > MaxPeriodDays)
        {
            throw new ArgumentException($"A period may span at most {MaxPeriodDays} days.");
        }

        var grouping = query.GroupBy switch
        {
            MetricsGrouping.Matter => SummaryGrouping.Subject,
            MetricsGrouping.Department => SummaryGrouping.Department,
            _ => SummaryGrouping.StartedBy,
        };
        var aggregates = await summaries.AggregateAsync(
            new SummaryAggregateQuery(
                ChinaTime.StartOfDay(query.From),
                ChinaTime.StartOfDay(query.To.AddDays(1)),
                grouping,
                query.Department,
                CaseSummarizer.ImmediateCaseType,
                ChinaTime.DateOf(time.GetUtcNow())),
            cancellationToken);
        return [.. aggregates.Select(a => ToRow(a, query.GroupBy))];
    }

    private static MetricsRow ToRow(SummaryAggregate a, MetricsGrouping grouping)
    {
        var key = a.Key ?? "";
        var returnRate = Rate(a.Returned, a.Started);
        return new MetricsRow(
            key,
            grouping == MetricsGrouping.Matter ? a.Name ?? key : key,
            a.Started,
            a.Completed,
            a.CompletedOnTime,
            Rate(a.CompletedOnTime, a.Completed),
            a.OverdueOpen + (a.Completed - a.CompletedOnTime),
            a.Returned,
            returnRate,
            returnRate > ReturnRateThreshold,
            a.Completed == 0 ? null : Math.Round((double)a.WorkingDaysOfCompleted / a.Completed, 2),
            a.InCategory,
            Rate(a.InCategory, a.Started));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
