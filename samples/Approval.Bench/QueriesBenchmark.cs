using System.Diagnostics;
using System.Globalization;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;
using Approval.Engine.Summaries;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>The read side at scale: fills the database with N cases (summaries and clocks) and M open tasks, then times
/// the queries people wait on — supervision metrics, the alert list, the inbox — and prints their percentiles.</summary>
public static class QueriesBenchmark
{
    private const int Departments = 12;
    private const int MattersPerDepartment = 25;
    private const int ClerksPerDepartment = 8;
    private const int ApproversPerDepartment = 40;
    private const int RowsPerTransaction = 10_000;

    public static async Task<int> RunAsync(QueriesBenchOptions options, TextWriter output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cancellationToken = timeout.Token;
        var figures = new FigureWriter(output);
        using var database = await BenchDatabase.PrepareAsync(options.Database, variant: null, cancellationToken);
        await using var host = await BenchHost.StartAsync(options.Database.Provider, database.ConnectionString, timeStore: false, cancellationToken, extra: s =>
        {
            s.AddSingleton<IInstanceSummarizer, CaseSummarizer>();
            s.AddScoped<SupervisionMetrics>();
        });
        figures.Print("provider", options.Database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        figures.Print("database", database.Description);

        var now = DateTimeOffset.UtcNow;
        var load = Stopwatch.StartNew();
        await FillAsync(host.Services, options, now, cancellationToken);
        figures.Print("cases", options.Cases);
        figures.Print("open_tasks", options.OpenTasks);
        figures.Print("load_seconds", load.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));

        var random = new Random(7);
        var today = ChinaTime.DateOf(now);
        await using var scope = host.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<SupervisionMetrics>();
        var clocks = host.Services.GetRequiredService<IClockStore>();
        var store = host.Services.GetRequiredService<IWorkflowStore>();

        // A supervisor's usual view: its department, one month, one of the three groupings.
        await MeasureAsync(figures, "metrics_department_month", options.Queries, () =>
        {
            var to = today.AddDays(-random.Next(0, 330));
            return metrics.QueryAsync(new MetricsQuery(to.AddDays(-30), to, (MetricsGrouping)random.Next(3), Department(random.Next(Departments))), cancellationToken);
        });

        // An administrator's widest view: every department, a whole year.
        await MeasureAsync(figures, "metrics_all_year", Math.Max(5, options.Queries / 10), () =>
            metrics.QueryAsync(new MetricsQuery(today.AddDays(-365), today, (MetricsGrouping)random.Next(3), null), cancellationToken));

        await MeasureAsync(figures, "alerts", options.Queries, () =>
            clocks.ListAlertsAsync(null, Department(random.Next(Departments)), now, 200, cancellationToken));

        // The inbox page: my open tasks, then the page's case clocks in one query, as GET /api/tasks does.
        await MeasureAsync(figures, "inbox", options.Queries, async () =>
        {
            var items = await store.QueryWorkItemsAsync(new WorkItemQuery(WorkItemStatus.Open, Assignee: Approver(random.Next(Departments), random.Next(ApproversPerDepartment))), cancellationToken);
            return await clocks.ListOpenForInstancesAsync([.. items.Select(i => i.InstanceId).Distinct()], cancellationToken);
        });

        figures.Print("peak_rss_mb", ProcessMemory.PeakRssMiB().ToString("F0", CultureInfo.InvariantCulture));
        return 0;
    }

    private static async Task MeasureAsync<T>(FigureWriter figures, string name, int count, Func<Task<T>> query)
    {
        for (var i = 0; i < Math.Min(5, count); i++)
        {
            await query(); // warm the plan cache and the pages this query reads
        }

        var timings = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var summary = new LatencySummary(timings);
        figures.Print($"{name}_p50_ms", summary.Percentile(50).ToString("F2", CultureInfo.InvariantCulture));
        figures.Print($"{name}_p95_ms", summary.Percentile(95).ToString("F2", CultureInfo.InvariantCulture));
    }

    private static async Task FillAsync(IServiceProvider services, QueriesBenchOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = services.GetRequiredService<CalendarProvider>().Current;
        var random = new Random(20_261_128);
        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var summaries = new BulkTable<InstanceSummary>(db);
        await using var clockRows = new BulkTable<ClockRecord>(db);
        await using var workItems = new BulkTable<WorkItem>(db);
        var rows = Math.Max(options.Cases, options.OpenTasks);
        for (var done = 0; done < rows;)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            summaries.Transaction = clockRows.Transaction = workItems.Transaction = transaction.GetDbTransaction();
            for (var end = Math.Min(rows, done + RowsPerTransaction); done < end; done++)
            {
                var department = random.Next(Departments);
                var started = now - TimeSpan.FromSeconds(random.NextDouble() * TimeSpan.FromDays(365).TotalSeconds);
                var id = Guid.CreateVersion7(started);
                var open = done < options.OpenTasks;
                if (done < options.Cases)
                {
                    var matter = random.Next(MattersPerDepartment);
                    var immediate = matter % 5 == 0;
                    var clock = Clock(id, department, started, open, immediate ? 1 : 20, calendar, random);
                    await summaries.AddAsync(new InstanceSummary
                    {
                        InstanceId = id,
                        DefinitionId = $"matter-{department}-{matter}",
                        Subject = $"M{department:D2}{matter:D3}",
                        SubjectName = $"事项 {department}-{matter}",
                        Department = Department(department),
                        StartedBy = $"clerk-{department}-{random.Next(ClerksPerDepartment)}",
                        Category = immediate ? CaseSummarizer.ImmediateCaseType : "承诺件",
                        Stage = open ? "InReview" : "Approved",
                        Returned = random.NextDouble() < 0.08,
                        StartedAt = started,
                        FinishedAt = open ? null : started.AddDays(random.Next(1, 20)),
                        ClockRunning = open,
                        DueDate = clock.CommittedDueDate,
                        ClosedOn = clock.StoppedOn,
                        WorkingDaysUsed = open ? null : clock.WorkingDaysUsed,
                    }, cancellationToken);
                    await clockRows.AddAsync(clock, cancellationToken);
                }

                if (open)
                {
                    await workItems.AddAsync(new WorkItem
                    {
                        Id = Guid.CreateVersion7(started),
                        InstanceId = id,
                        BookmarkId = Guid.NewGuid(),
                        ActivityId = "review",
                        ActivityType = "ApprovalTask",
                        Title = "审查",
                        Assignee = Approver(department, random.Next(ApproversPerDepartment)),
                        CandidateRoles = ["Approver"],
                        Department = Department(department),
                        DueAt = started.AddDays(random.Next(1, 30)),
                        Outcomes = ["Approve", "Reject"],
                        Status = WorkItemStatus.Open,
                        CreatedAt = started,
                    }, cancellationToken);
                }
            }

            await summaries.FlushAsync(cancellationToken);
            await clockRows.FlushAsync(cancellationToken);
            await workItems.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize", cancellationToken);
        }
    }

    private static ClockRecord Clock(Guid id, int department, DateTimeOffset started, bool open, int limit, BusinessCalendar calendar, Random random)
    {
        var accepted = ChinaTime.DateOf(started);
        var due = calendar.AddWorkingDays(accepted, limit);
        var statutory = calendar.AddWorkingDays(accepted, limit * 2);
        var used = random.Next(0, limit + 3);
        var stopped = open ? (DateTimeOffset?)null : ChinaTime.StartOfDay(calendar.AddWorkingDays(accepted, used)).AddHours(10);
        return new ClockRecord
        {
            InstanceId = id,
            Name = LegalClock.CaseClockName,
            DefinitionId = "matter",
            Subject = "事项",
            Department = Department(department),
            Status = open ? ClockStatus.Running : ClockStatus.Stopped,
            AcceptedOn = accepted,
            CommittedDueDate = due,
            StatutoryDueDate = statutory,
            Level = WarningLevel.Normal,
            YellowAt = open ? ChinaTime.StartOfDay(calendar.AddWorkingDays(accepted, limit - Math.Max(1, limit / 5))) : null,
            RedAt = open ? ChinaTime.StartOfDay(due.AddDays(1)) : null,
            CriticalAt = open ? ChinaTime.StartOfDay(statutory.AddDays(1)) : null,
            StartedAt = started,
            StoppedAt = stopped,
            StoppedOn = stopped is { } at ? ChinaTime.DateOf(at) : null,
            WorkingDaysUsed = used,
            UpdatedAt = started,
        };
    }

    private static string Department(int n) => $"部门{n:D2}";

    private static string Approver(int department, int n) => $"approver-{department}-{n}";
}
