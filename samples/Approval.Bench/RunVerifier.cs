using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Checks in the database, after the run, that every measured instance completed exactly once and left nothing behind.</summary>
/// <remarks>
/// The measured instances are those of the measured version created since the run began (history rows are backdated).
/// Aggregates cover all of them; a sample has its whole journal read back through <see cref="IWorkflowStore"/>.
/// </remarks>
public static class RunVerifier
{
    private const int Sample = 25;

    /// <returns>Figures to print; throws <see cref="BenchFailedException"/> with every problem found.</returns>
    public static async Task<IReadOnlyList<(string Name, object Value)>> VerifyAsync(
        IServiceProvider services, DefinitionVersion version, DateTimeOffset since, LoadResult run, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var expected = run.InstanceIds.ToHashSet();
        if (expected.Count != run.Count || expected.Contains(Guid.Empty))
        {
            problems.Add($"the run returned {expected.Count} distinct instance ids for {run.Count} instances");
        }

        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        var versionId = version.Id;
        var measured = db.Instances.AsNoTracking().Where(i => i.DefinitionVersionId == versionId && i.CreatedAt >= since);

        var rows = await measured.Select(i => new { i.Id, i.Status, i.Revision }).ToListAsync(cancellationToken);
        var completed = rows.Count(r => r.Status == WorkflowStatus.Completed);
        if (rows.Count != run.Count || completed != run.Count || !rows.All(r => expected.Contains(r.Id)))
        {
            problems.Add($"{rows.Count} instance rows ({completed} completed) for {run.Count} instances run, or rows the run did not create");
        }

        if (rows.Any(r => r.Revision != 2))
        {
            problems.Add($"{rows.Count(r => r.Revision != 2)} instances were written other than exactly twice (revision != 2)");
        }

        var lines = await JournalLines.ReadAsync(db.JournalSegments.Where(j => measured.Any(i => i.Id == j.InstanceId)), cancellationToken);
        var completions = lines.Where(j => j.Event == JournalEvents.InstanceCompleted).ToList();
        var completedEvents = completions.Count;
        var completedInstances = completions.Select(j => j.InstanceId).Distinct().Count();
        if (completedEvents != run.Count || completedInstances != run.Count)
        {
            problems.Add($"{completedEvents} InstanceCompleted journal events over {completedInstances} instances, expected one each for {run.Count}");
        }

        var starts = lines.Count(j => j.Event == JournalEvents.InstanceStarted);
        var resumes = lines.Count(j => j.Event == JournalEvents.BookmarkResumed);
        if (starts != run.Count || resumes != run.Count)
        {
            problems.Add($"{starts} InstanceStarted and {resumes} BookmarkResumed journal events, expected {run.Count} of each");
        }

        var journalLines = lines.Count;
        var bookmarksLeft = await db.Bookmarks.CountAsync(b => measured.Any(i => i.Id == b.InstanceId), cancellationToken);
        var anyBookmarks = await db.Bookmarks.CountAsync(cancellationToken);
        if (bookmarksLeft != 0 || anyBookmarks != 0)
        {
            problems.Add($"{bookmarksLeft} bookmarks left on measured instances, {anyBookmarks} in the whole table; a finished instance has none");
        }

        var items = await db.WorkItems.AsNoTracking().Where(w => measured.Any(i => i.Id == w.InstanceId))
            .GroupBy(w => new { w.Status, w.Outcome })
            .Select(g => new { g.Key.Status, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var approved = items.Where(g => g.Status == WorkItemStatus.Completed && g.Outcome == "Approve").Sum(g => g.Count);
        if (approved != run.Count || items.Sum(g => g.Count) != run.Count)
        {
            problems.Add($"work items of measured instances: {string.Join(", ", items.Select(g => $"{g.Status}/{g.Outcome}={g.Count}"))}; expected {run.Count} Completed/Approve and nothing else");
        }

        var store = services.GetRequiredService<IWorkflowStore>();
        var step = Math.Max(1, run.Count / Sample);
        for (var i = 0; i < run.Count; i += step)
        {
            var id = run.InstanceIds[i];
            var entries = await store.ReadJournalAsync(id, cancellationToken);
            var events = entries.Select(e => e.Event).ToList();
            var contiguous = entries.Select((e, n) => e.Sequence == n).All(ok => ok);
            if (events.Count == 0 || events[0] != JournalEvents.InstanceStarted || events[^1] != JournalEvents.InstanceCompleted || !contiguous
                || events.Count(e => e == JournalEvents.InstanceCompleted) != 1 || events.Count(e => e == JournalEvents.BookmarkResumed) != 1
                || !events.Contains(JournalEvents.Log))
            {
                problems.Add($"journal of {id} reads {string.Join(" ", entries.Select(e => $"{e.Sequence}:{e.Event}"))}");
            }
        }

        if (problems.Count > 0)
        {
            throw new BenchFailedException("verification: " + string.Join("; ", problems));
        }

        return
        [
            ("verified_instances", rows.Count),
            ("verified_journal_lines_per_instance", (double)journalLines / run.Count),
            ("verified_sampled_journals", (run.Count + step - 1) / step),
            ("verified", "true"),
        ];
    }
}
