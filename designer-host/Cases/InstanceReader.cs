using Approval.DesignerHost.Apis;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Cases;

/// <summary>An instance with everything about it, as <c>GET /api/workflow-instances/{id}</c> and the case view show it.</summary>
public sealed class InstanceReader(IWorkflowStore store, CalendarProvider calendars, TimeProvider time)
{
    public async Task<InstanceView?> ReadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return null;
        }

        var bookmarks = await store.ListBookmarksAsync(instanceId, cancellationToken);
        var workItems = await store.ListWorkItemsAsync(instanceId, cancellationToken);
        var journal = await store.ReadJournalAsync(instanceId, cancellationToken);
        var calendar = calendars.Current;
        var now = time.GetUtcNow();
        var clocks = instance.State.Clocks.Values.OrderBy(c => c.Name).Select(c => ClockView.From(c, calendar, now)).ToList();
        var level = clocks.Where(c => !c.Stopped).Select(c => c.WarningLevel).DefaultIfEmpty(WarningLevel.Normal).Max();
        return new InstanceView(
            instance.Id, instance.Status, instance.DefinitionId, instance.DefinitionVersionId, instance.Version, instance.CorrelationId,
            instance.ParentInstanceId, instance.Input, instance.Variables, instance.Incident, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt,
            bookmarks.Select(BookmarkView.From).ToList(),
            workItems.Select(w => WorkItemView.From(w, TaskDeadline.For(w, calendar, now, w.Status == WorkItemStatus.Open ? level : WarningLevel.Normal))).ToList(),
            journal.Select(JournalEntryView.From).ToList(),
            clocks,
            level);
    }
}
