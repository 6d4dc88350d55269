using System.Linq.Expressions;
using Approval.Engine.Clocks;
using Approval.Engine.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Instance summaries on EF Core: one grouped query over the period's summaries left-joined to their clock.</summary>
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

        var rows = from s in summaries.Select(KeyOf(query.GroupBy))
                   join c in db.Clocks.AsNoTracking().Where(c => c.Name == query.ClockName) on s.InstanceId equals c.InstanceId into clocks
                   from c in clocks.DefaultIfEmpty()
                   select new Row
                   {
                       Key = s.Key,
                       SubjectName = s.SubjectName,
                       Returned = s.Returned,
                       Category = s.Category,
                       Status = c == null ? null : c.Status,
                       StoppedOn = c == null ? null : c.StoppedOn,
                       DueDate = c == null ? null : c.CommittedDueDate,
                       WorkingDaysUsed = c == null ? 0 : c.WorkingDaysUsed,
                   };

        var groups = await rows
            .GroupBy(r => r.Key)
            .Select(g => new
            {
                g.Key,
                Name = g.Max(r => r.SubjectName),
                Started = g.Count(),
                Returned = g.Count(r => r.Returned),
                InCategory = g.Count(r => r.Category == query.CountedCategory),
                Completed = g.Count(r => r.Status == ClockStatus.Stopped),
                OnTime = g.Count(r => r.Status == ClockStatus.Stopped && r.StoppedOn <= r.DueDate),
                Overdue = g.Count(r => r.Status == ClockStatus.Running && r.DueDate < query.Today),
                Days = g.Sum(r => r.Status == ClockStatus.Stopped ? r.WorkingDaysUsed : 0),
            })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new SummaryAggregate(g.Key, g.Name, g.Started, g.Returned, g.InCategory, g.Completed, g.OnTime, g.Overdue, g.Days))
            .OrderByDescending(g => g.Started)];
    }

    private static Expression<Func<InstanceSummary, Keyed>> KeyOf(SummaryGrouping grouping) => grouping switch
    {
        SummaryGrouping.Subject => s => new Keyed { InstanceId = s.InstanceId, Key = s.Subject, SubjectName = s.SubjectName, Returned = s.Returned, Category = s.Category },
        SummaryGrouping.Department => s => new Keyed { InstanceId = s.InstanceId, Key = s.Department, SubjectName = null, Returned = s.Returned, Category = s.Category },
        SummaryGrouping.StartedBy => s => new Keyed { InstanceId = s.InstanceId, Key = s.StartedBy, SubjectName = null, Returned = s.Returned, Category = s.Category },
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
    };

    private sealed class Keyed
    {
        public Guid InstanceId { get; init; }

        public string? Key { get; init; }

        public string? SubjectName { get; init; }

        public bool Returned { get; init; }

        public string? Category { get; init; }
    }

    private sealed class Row
    {
        public string? Key { get; init; }

        public string? SubjectName { get; init; }

        public bool Returned { get; init; }

        public string? Category { get; init; }

        public ClockStatus? Status { get; init; }

        public DateOnly? StoppedOn { get; init; }

        public DateOnly? DueDate { get; init; }

        public int WorkingDaysUsed { get; init; }
    }
}
