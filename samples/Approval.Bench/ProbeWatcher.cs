using System.Globalization;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Bench;

/// <summary>When a probe timer was resumed: the journal's <c>BookmarkResumed</c> line (engine clock), the instant Quartz fired
/// it (the job's <c>firedAt</c> payload), and when this watcher first saw it committed.</summary>
public sealed record ProbeFiring(DateTimeOffset ResumedAt, DateTimeOffset? FiredAt, DateTimeOffset ObservedAt, string? Actor);

/// <summary>Polls the journal for the resumes of the probes that are due, by instance id (an index seek), until all have fired or the deadline passes.</summary>
public sealed class ProbeWatcher(IServiceProvider services, TimeProvider clock)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <returns>One entry per probe, null for a probe not resumed by <paramref name="deadline"/>.</returns>
    public async Task<ProbeFiring?[]> WatchAsync(IReadOnlyList<Guid> ids, IReadOnlyList<DateTimeOffset> due, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var firings = new ProbeFiring?[ids.Count];
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var factory = services.GetRequiredService<EngineDbContextFactory>();
        var left = ids.Count;
        while (left > 0 && clock.GetUtcNow() < deadline)
        {
            var now = clock.GetUtcNow();
            var dueIds = Enumerable.Range(0, ids.Count).Where(i => firings[i] is null && due[i] <= now).Select(i => ids[i]).ToList();
            if (dueIds.Count > 0)
            {
                await using var db = factory.Create();
                var resumed = (await JournalLines.ReadAsync(db.JournalSegments.Where(j => dueIds.Contains(j.InstanceId)), cancellationToken))
                    .Where(j => j.Event == JournalEvents.BookmarkResumed);
                var observed = clock.GetUtcNow();
                foreach (var line in resumed)
                {
                    var i = index[line.InstanceId];
                    if (firings[i] is null)
                    {
                        firings[i] = new ProbeFiring(line.At, FiredAt(line.Data), observed, line.Actor);
                        left--;
                    }
                }
            }

            await Task.Delay(PollEvery, clock, cancellationToken);
        }

        return firings;
    }

    /// <summary>The <c>firedAt</c> the timer job put in the resume payload (journal data: <c>{ payload: { firedAt } }</c>).</summary>
    private static DateTimeOffset? FiredAt(System.Text.Json.Nodes.JsonObject? data) =>
        data?["payload"]?["firedAt"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
