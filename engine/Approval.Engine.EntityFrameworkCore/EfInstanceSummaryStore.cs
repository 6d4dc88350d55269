using System.Linq.Expressions;
using Approval.Engine.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Instance summaries on EF Core: one grouped query over the period's summaries, which carry their main clock's facts.</summary>
public sealed class EfInstanceSummaryStore(EngineDbContextFactory contexts) : IInstanceSummaryStore
{
    public async Task<InstanceSummary?> FindAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Summaries.AsNoTracking().FirstOrDefaultAsync(s => s.InstanceId == instanceId, cancellationToken);
    }

    public async Task<IReadOnlyList<SummaryAggregate>> AggregateAsync(SummaryAggregateQuery query, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var summaries = db.Summaries.AsNoTracking().Where(s => s.StartedAt >= query.From && s.StartedAt < query.To);
        if (query.Department is { } department)
        {
            summaries = summaries.Where(s => s.Department == department);
        }

        var rows = summaries.Select(KeyOf(query.GroupBy));
        var groups = await rows
            .GroupBy(r => r.Key)
            .Select(g => new
            {
                g.Key,
                Name = g.Max(r => r.SubjectName),
                Started = g.Count(),
                Returned = g.Count(r => r.Returned),
                InCategory = g.Count(r => r.Category == query.CountedCategory),
                Completed = g.Count(r => r.ClosedOn != null),
                OnTime = g.Count(r => r.ClosedOn != null && r.ClosedOn <= r.DueDate),
                Overdue = g.Count(r => r.ClockRunning && r.DueDate < query.Today),
                Days = g.Sum(r => r.ClosedOn != null ? r.WorkingDaysUsed ?? 0 : 0),
            })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new SummaryAggregate(g.Key, g.Name, g.Started, g.Returned, g.InCategory, g.Completed, g.OnTime, g.Overdue, g.Days))
            .OrderByDescending(g => g.Started)];
    }

    private static Expression<Func<InstanceSummary, Row>> KeyOf(SummaryGrouping grouping) => grouping switch
    {
        SummaryGrouping.Subject => s => new Row { Key = s.Subject, SubjectName = s.SubjectName, Returned = s.Returned, Category = s.Category, ClockRunning = s.ClockRunning, DueDate = s.DueDate, ClosedOn = s.ClosedOn, WorkingDaysUsed = s.WorkingDaysUsed },
        SummaryGrouping.Department => s => new Row { Key = s.Department, SubjectName = null, Returned = s.Returned, Category = s.Category, ClockRunning = s.ClockRunning, DueDate = s.DueDate, ClosedOn = s.ClosedOn, WorkingDaysUsed = s.WorkingDaysUsed },
        SummaryGrouping.StartedBy => s => new Row { Key = s.StartedBy, SubjectName = null, Returned = s.Returned, Category = s.Category, ClockRunning = s.ClockRunning, DueDate = s.DueDate, ClosedOn = s.ClosedOn, WorkingDaysUsed = s.WorkingDaysUsed },
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
    };

    private sealed class Row
    {
        public string? Key { get; init; }

        public string? SubjectName { get; init; }

        public bool Returned { get; init; }

        public string? Category { get; init; }

        public bool ClockRunning { get; init; }

        public DateOnly? DueDate { get; init; }

        public DateOnly? ClosedOn { get; init; }

        public int? WorkingDaysUsed { get; init; }
    }
}
