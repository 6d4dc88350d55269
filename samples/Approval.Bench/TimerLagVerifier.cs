using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>Checks after the run that every probe was resumed exactly once and finished, and that no far-future timer fired.</summary>
public static class TimerLagVerifier
{
    /// <returns>The problems found; empty when all is as it should be.</returns>
    public static async Task<IReadOnlyList<string>> VerifyAsync(
        IServiceProvider services, string probeVersionId, int probes, string pendingVersionId, int pending, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var db = services.GetRequiredService<EngineDbContextFactory>().Create();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));

        var probeInstances = db.Instances.Where(i => i.DefinitionVersionId == probeVersionId);
        var resumesPerProbe = (await JournalLines.ReadAsync(db.JournalSegments.Where(j => probeInstances.Any(i => i.Id == j.InstanceId)), cancellationToken))
            .Where(j => j.Event == JournalEvents.BookmarkResumed)
            .GroupBy(j => j.InstanceId)
            .Select(g => g.Count())
            .ToList();
        if (resumesPerProbe.Count != probes || resumesPerProbe.Any(n => n != 1))
        {
            problems.Add($"{resumesPerProbe.Count} of {probes} probes resumed, {resumesPerProbe.Count(n => n > 1)} of them more than once");
        }

        var probesCompleted = await probeInstances.CountAsync(i => i.Status == WorkflowStatus.Completed, cancellationToken);
        if (probesCompleted != probes)
        {
            problems.Add($"{probesCompleted} of {probes} probe instances completed");
        }

        var pendingInstances = db.Instances.Where(i => i.DefinitionVersionId == pendingVersionId);
        var pendingResumed = (await JournalLines.ReadAsync(db.JournalSegments.Where(j => pendingInstances.Any(i => i.Id == j.InstanceId)), cancellationToken))
            .Count(j => j.Event == JournalEvents.BookmarkResumed);
        var pendingWaiting = await pendingInstances.CountAsync(i => i.Status == WorkflowStatus.Suspended, cancellationToken);
        if (pendingResumed != 0 || pendingWaiting != pending)
        {
            problems.Add($"{pendingResumed} far-future timers fired; {pendingWaiting} of {pending} far-future instances still wait");
        }

        var triggers = await TimerHandover.CountTriggersAsync(services, cancellationToken);
        if (triggers != pending)
        {
            problems.Add($"{triggers} Quartz triggers left after the probes, expected the {pending} far-future ones");
        }

        return problems;
    }
}
