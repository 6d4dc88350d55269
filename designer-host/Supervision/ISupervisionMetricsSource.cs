using Approval.Workflows.Supervision;

namespace Approval.DesignerHost.Supervision;

/// <summary>Where the supervision figures come from: on-time and return rates, working days, 即办 ratio, grouped for a period.</summary>
public interface ISupervisionMetricsSource
{
    Task<IReadOnlyList<MetricsRow>> QueryAsync(MetricsQuery query, CancellationToken cancellationToken);
}
