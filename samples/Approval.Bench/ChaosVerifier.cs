using Approval.Engine.Clocks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Checks in the database, once every case reads as expected, that nothing happened twice: no second case for
/// one application, no step journaled twice, no document, task, escalation, notification or timer firing twice.</summary>
/// <remarks>The database is the run's own, so every case of the two matters in it is one the run submitted.</remarks>
public static class ChaosVerifier
{
    /// <summary>食品经营许可（新办）, the seeded matter with 容缺 and its supplement-deadline timer.</summary>
    public const string FoodDefinitionId = "food-business-licence";

    /// <summary>Journal events an activity of these flows records at most once per case (none of them loops).</summary>
    private static readonly string[] OncePerActivity =
        [JournalEvents.ActivityStarted, JournalEvents.ActivityCompleted, JournalEvents.BookmarkResumed, JournalEvents.InstanceCompleted, JournalEvents.InstanceTerminated, JournalEvents.InstanceCancelled];

    /// <returns>Figures to print; throws <see cref="BenchFailedException"/> listing every violation.</returns>
    public static async Task<IReadOnlyList<(string Name, object Value)>> VerifyAsync(
        IServiceProvider services, IReadOnlyList<ChaosCase> cases, Retrying retrying, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        string[] definitions = [CaseDriver.MatterDefinitionId, FoodDefinitionId];
        var run = db.Instances.AsNoTracking().Where(i => definitions.Contains(i.DefinitionId));

        var rows = await run.Select(i => new { i.Id, i.Status }).ToListAsync(cancellationToken);
        var known = cases.Where(c => c.Id is not null).ToDictionary(c => c.Id!.Value);
        var strangers = rows.Count(r => !known.ContainsKey(r.Id));
        var missing = known.Keys.Except(rows.Select(r => r.Id)).Count();
        Check(problems, strangers == 0 && missing == 0 && known.Count == cases.Count,
            $"{rows.Count} cases in the database for {cases.Count} applications ({known.Count} confirmed to the client): {strangers} the client never heard of (duplicates), {missing} confirmed but absent");
        var faulted = rows.Count(r => r.Status == WorkflowStatus.Faulted);
        Check(problems, faulted == 0, $"{faulted} cases faulted");
        var wrong = cases.Where(c => c.Status != c.ExpectedStatus).ToList();
        Check(problems, wrong.Count == 0, $"{wrong.Count} cases not in their expected state, e.g. {string.Join(", ", wrong.Take(5).Select(c => $"{c.Id} {c.Kind}: {c.Status}"))}");

        var lines = await JournalLines.ReadAsync(db.JournalSegments.Where(j => run.Any(i => i.Id == j.InstanceId)), cancellationToken);
        var stepTwice = lines.Where(j => OncePerActivity.Contains(j.Event))
            .GroupBy(j => new { j.InstanceId, j.ActivityId, j.Event }).Count(g => g.Count() > 1);
        Check(problems, stepTwice == 0, $"{stepTwice} (case, activity, event) journal lines written more than once");
        var gaps = lines.GroupBy(j => j.InstanceId).Count(g => g.Max(j => j.Sequence) + 1 != g.Count());
        Check(problems, gaps == 0, $"{gaps} cases whose journal sequence has gaps");

        var timerFirings = lines.Where(j => j.Event == JournalEvents.BookmarkResumed && j.Actor == "system:timer")
            .GroupBy(j => j.InstanceId).Select(g => new { Id = g.Key, Count = g.Count() }).ToList();
        var timerTwice = timerFirings.Count(t => t.Count > 1);
        var lapsedUnfired = cases.Count(c => c.Kind == CaseKind.Lapsed && !timerFirings.Any(t => t.Id == c.Id));
        Check(problems, timerTwice == 0, $"{timerTwice} cases with a timer fired more than once");
        Check(problems, lapsedUnfired == 0, $"{lapsedUnfired} lapsed cases whose deadline timer never fired");

        var documentTwice = await db.Documents.Where(d => run.Any(i => i.Id == d.InstanceId))
            .GroupBy(d => new { d.InstanceId, d.Kind }).CountAsync(g => g.Count() > 1, cancellationToken);
        Check(problems, documentTwice == 0, $"{documentTwice} (case, document kind) issued more than once");
        var taskTwice = await db.WorkItems.Where(w => run.Any(i => i.Id == w.InstanceId))
            .GroupBy(w => new { w.InstanceId, w.ActivityId }).CountAsync(g => g.Count() > 1, cancellationToken);
        Check(problems, taskTwice == 0, $"{taskTwice} (case, activity) with more than one task");

        var escalations = await db.Escalations.AsNoTracking().Where(e => run.Any(i => i.Id == e.InstanceId))
            .Select(e => new { e.InstanceId, e.ClockName, e.Level }).ToListAsync(cancellationToken);
        var escalationTwice = escalations.GroupBy(e => e).Count(g => g.Count() > 1);
        Check(problems, escalationTwice == 0, $"{escalationTwice} (case, clock, level) escalated more than once");
        var levels = escalations.ToLookup(e => e.InstanceId, e => e.Level);
        var unescalated = cases.Count(c => c.Kind == CaseKind.Escalated
            && !levels[c.Id!.Value].Order().SequenceEqual([WarningLevel.Yellow, WarningLevel.Red, WarningLevel.Critical]));
        Check(problems, unescalated == 0, $"{unescalated} escalated cases without exactly one yellow, one red and one critical escalation");
        var notificationTwice = await db.Notifications.Where(n => n.Kind == "Escalation" && run.Any(i => i.Id == n.InstanceId))
            .GroupBy(n => new { n.InstanceId, n.Recipient, n.Level }).CountAsync(g => g.Count() > 1, cancellationToken);
        Check(problems, notificationTwice == 0, $"{notificationTwice} escalation notifications sent twice to one recipient");

        var finished = run.Where(i => i.Status == WorkflowStatus.Completed || i.Status == WorkflowStatus.Cancelled);
        var bookmarksLeft = await db.Bookmarks.CountAsync(b => finished.Any(i => i.Id == b.InstanceId), cancellationToken);
        Check(problems, bookmarksLeft == 0, $"{bookmarksLeft} bookmarks left on finished cases");
        Check(problems, retrying.ServerErrors == 0, $"{retrying.ServerErrors} answers were 5xx");

        var duplicates = strangers + stepTwice + timerTwice + documentTwice + taskTwice + escalationTwice + notificationTwice;
        if (problems.Count > 0)
        {
            throw new BenchFailedException($"verification ({duplicates} duplicates): " + string.Join("; ", problems));
        }

        return
        [
            ("verified_cases", rows.Count),
            ("verified_journal_lines", lines.Count),
            ("verified_timer_firings", timerFirings.Sum(t => t.Count)),
            ("verified_escalations", escalations.Count),
            ("duplicates", duplicates),
            ("verified", "true"),
        ];
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
