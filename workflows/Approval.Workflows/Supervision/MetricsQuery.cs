namespace Approval.Workflows.Supervision;

/// <summary>What the metrics are grouped by.</summary>
public enum MetricsGrouping
{
    Matter,
    Department,
    Clerk,
}

/// <summary>A metrics request: cases received in [<see cref="From"/>, <see cref="To"/>] (dates in Asia/Shanghai), grouped, within a department or all.</summary>
public sealed record MetricsQuery(DateOnly From, DateOnly To, MetricsGrouping GroupBy, string? Department);
