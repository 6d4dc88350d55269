using Approval.Workflows.Supervision;

namespace Approval.DesignerHost.Supervision;

/// <summary>Stands in until the workflows layer computes the figures: no rows, so the page shows its empty state.</summary>
public sealed class PendingMetricsSource : ISupervisionMetricsSource
{
    public Task<IReadOnlyList<MetricsRow>> QueryAsync(MetricsQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MetricsRow>>([]);
}
