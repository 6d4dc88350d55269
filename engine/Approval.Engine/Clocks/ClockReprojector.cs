using Approval.Engine.Calendar;
using Approval.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Clocks;

/// <summary>After a holiday notice is loaded, recomputes every open clock's row and reschedules its escalations.</summary>
/// <remarks>
/// Due dates follow the calendar, so a new notice can move them; the rows and jobs written before it cannot know.
/// A clock that changes while this runs is skipped: its own commit wrote a fresher row.
/// </remarks>
public sealed class ClockReprojector(IClockStore clocks, IWorkflowStore workflows, IEscalationScheduler scheduler, CalendarService calendar, CalendarProvider calendars, TimeProvider time, ILogger<ClockReprojector> logger)
{
    private const int PageSize = 500;

    public async Task<int> ReprojectOpenClocksAsync(CancellationToken cancellationToken)
    {
        // The notice may have been loaded on another host; read it before recomputing with it.
        await calendar.ReloadIfChangedAsync(cancellationToken);
        var current = calendars.Current;
        var refreshed = 0;
        var skip = 0;
        while (true)
        {
            var page = await clocks.ListOpenAsync(skip, PageSize, cancellationToken);
            foreach (var row in page)
            {
                var instance = await workflows.FindInstanceAsync(row.InstanceId, cancellationToken);
                if (instance?.State.Clocks.GetValueOrDefault(row.Name) is not { } clock || clock.History.Count != row.Sequence)
                {
                    continue;
                }

                var now = time.GetUtcNow();
                var reading = ClockCalculator.Read(clock, current, now);
                var record = ClockRecord.From(clock, reading, row.DefinitionId, row.InstanceId, row.CorrelationId, now);
                if (record.CommittedDueDate == row.CommittedDueDate && record.StatutoryDueDate == row.StatutoryDueDate && record.YellowAt == row.YellowAt)
                {
                    continue;
                }

                if (await clocks.RefreshAsync(record, cancellationToken))
                {
                    await scheduler.ScheduleAsync(new EscalationScheduleRequest(row.InstanceId, row.Name, record.Sequence, reading.YellowFrom, reading.RedFrom, reading.CriticalFrom), cancellationToken);
                    refreshed++;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            // Clocks that stop meanwhile shift the pages a little; one skipped here needs nothing, a new one has a fresh row.
            skip += page.Count;
        }

        logger.LogInformation("Calendar changed: {Count} open clock(s) had their due dates and escalations recomputed.", refreshed);
        return refreshed;
    }
}
