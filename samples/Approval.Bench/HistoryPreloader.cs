using System.Diagnostics;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Fills the database with finished instances, as months of use would, before anything is measured.</summary>
/// <remarks>
/// Every history instance is made by the engine's own <see cref="WorkflowRunner"/> (start, then approve, reject or
/// cancel) on a clock set into the past, so its instance, journal and work-item rows are the real ones; only the
/// writing is bulk (multi-row INSERTs through EF Core's column mapping) rather than a transaction per step. The mix is
/// 80% approved, 15% rejected, 5% withdrawn (cancelled), spread over the last 180 days and over all the given versions.
/// No bookmarks are left: a finished instance has none.
/// </remarks>
public static class HistoryPreloader
{
    private const int InstancesPerTransaction = 5_000;

    public static async Task<(long Rows, TimeSpan Elapsed)> PreloadAsync(
        IServiceProvider services, IReadOnlyList<DefinitionVersion> versions, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var origin = DateTimeOffset.UtcNow.AddDays(-1);
        var time = new ManualClock(origin);
        var runner = new WorkflowRunner(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<ScribanExpressionEvaluator>(), services.GetRequiredService<Approval.Engine.Calendar.CalendarProvider>(), time, services.GetRequiredService<Approval.Engine.Summaries.IInstanceSummarizer>());
        var cache = services.GetRequiredService<DefinitionCache>();
        var random = new Random(20_261_128);

        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var instances = new BulkTable<WorkflowInstance>(db);
        await using var workItems = new BulkTable<WorkItem>(db);
        await using var journal = new BulkTable<JournalSegmentRow>(db);

        for (var done = 0; done < count;)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            instances.Transaction = workItems.Transaction = journal.Transaction = dbTransaction;
            for (var end = Math.Min(count, done + InstancesPerTransaction); done < end; done++)
            {
                var version = versions[random.Next(versions.Count)];
                var definition = cache.Get(version);
                var created = origin - TimeSpan.FromSeconds(random.NextDouble() * TimeSpan.FromDays(180).TotalSeconds);
                time.Now = created;
                var instance = new WorkflowInstance
                {
                    Id = Guid.CreateVersion7(created),
                    DefinitionId = version.DefinitionId,
                    DefinitionVersionId = version.Id,
                    Version = version.Version,
                    CorrelationId = $"history-{done}",
                    Input = BenchFlow.Input(done),
                    CreatedAt = created,
                    UpdatedAt = created,
                };
                var applicant = $"applicant-{done % 997}";
                var started = await runner.StartAsync(instance, definition, applicant, cancellationToken);
                started.Instance.Revision = 1;
                var item = started.AddedWorkItems.Single();
                var bookmark = started.AddedBookmarks.Single();

                time.Now = created + TimeSpan.FromMinutes(5 + (random.NextDouble() * 60 * 24 * 10));
                var roll = random.NextDouble();
                var reviewer = $"reviewer-{done % 37}";
                var finished = roll < 0.95
                    ? await runner.ResumeAsync(started.Instance, definition, bookmark, new JsonObject { ["outcome"] = roll < 0.80 ? "Approve" : "Reject", ["comment"] = roll < 0.80 ? null : "材料不全，请补充后重新提交。" }, reviewer, cancellationToken)
                    : runner.Cancel(started.Instance, definition, applicant, "Withdrawn by the applicant.");
                finished.Instance.Revision = 2;
                if (finished.Instance.Status is not (WorkflowStatus.Completed or WorkflowStatus.Cancelled))
                {
                    throw new BenchFailedException($"A history instance ended {finished.Instance.Status}, not finished.");
                }

                if (finished.CompletedWorkItems.SingleOrDefault() is { } completion)
                {
                    item.Status = WorkItemStatus.Completed;
                    item.Outcome = completion.Outcome;
                    item.CompletedBy = completion.CompletedBy;
                    item.Comment = completion.Comment;
                    item.Data = completion.Data;
                    item.CompletedAt = completion.At;
                }
                else
                {
                    item.Status = WorkItemStatus.Cancelled;
                }

                await instances.AddAsync(finished.Instance, cancellationToken);
                await workItems.AddAsync(item, cancellationToken);
                foreach (var segment in JournalSegments.Of(started.Journal).Concat(JournalSegments.Of(finished.Journal)))
                {
                    await journal.AddAsync(segment, cancellationToken);
                }
            }

            await instances.FlushAsync(cancellationToken);
            await workItems.FlushAsync(cancellationToken);
            await journal.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (instances.Rows + workItems.Rows + journal.Rows, clock.Elapsed);
    }
}
