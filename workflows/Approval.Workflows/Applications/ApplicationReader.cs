using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Documents;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Storage;

namespace Approval.Workflows.Applications;

/// <summary>Reads a case back from its instance, work items, journal and documents.</summary>
public sealed class ApplicationReader(IWorkflowStore workflows, IDocumentStore documents, CalendarProvider calendars, TimeProvider time)
{
    /// <summary>The journal events a case's timeline shows; the rest is the engine's own bookkeeping.</summary>
    private static readonly HashSet<string> TimelineEvents =
    [
        JournalEvents.InstanceStarted, JournalEvents.ActivityCompleted, JournalEvents.DocumentIssued, JournalEvents.ClockChanged,
        JournalEvents.WorkItemOperated, JournalEvents.InstanceCompleted, JournalEvents.InstanceCancelled, JournalEvents.InstanceTerminated,
        JournalEvents.ActivityFaulted,
    ];

    public async Task<ApplicationView?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await workflows.FindInstanceAsync(id, cancellationToken) is { } instance ? await ReadAsync(instance, cancellationToken) : null;

    /// <summary>The case of an instance just read (by the access check of the same request), without reading it again.</summary>
    public async Task<ApplicationView?> ReadAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var id = instance.Id;
        if (instance.Input["application"] is not JsonObject application)
        {
            return null;
        }

        var items = await workflows.ListWorkItemsAsync(id, cancellationToken);
        var journal = await workflows.ReadJournalAsync(id, cancellationToken);
        var issued = await documents.ListForInstanceAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        var guide = instance.Input["guide"] as JsonObject ?? instance.Input["package"] as JsonObject;
        var clock = instance.State.Clocks.GetValueOrDefault(LegalClock.CaseClockName);
        var reading = clock is null ? null : ClockCalculator.Read(clock, calendars.Current, now);
        var acceptance = instance.Variables["acceptance"] as JsonObject;

        return new ApplicationView(
            instance.Id,
            Text(application["caseNumber"]) ?? instance.CorrelationId,
            Text(application["matterCode"]) ?? Text(application["packageCode"]) ?? Text(guide?["code"]),
            Text(guide?["name"]),
            instance.Version,
            StatusOf(instance, acceptance, reading, items, journal),
            Instant(application["receivedAt"]),
            clock?.StartedAt,
            reading?.StatutoryDueDate,
            reading?.CommittedDueDate,
            acceptance?["missingMaterials"]?.DeepClone() as JsonArray ?? [],
            reading is { IsStopped: false } ? reading.Level : WarningLevel.Normal,
            reading is null ? null : new ApplicationClock(reading.WorkingDaysUsed, reading.WorkingDaysRemaining, reading.IsPaused, reading.PausedWorkingDays, clock!.ExtensionDays, clock.Pauses, clock.History),
            [.. items.Select(w => new ApplicationTask(w.Id, w.Title, w.ActivityType, w.Assignee, w.CandidateRoles, w.Department, w.Status.ToString(), w.Outcome, w.CompletedBy, w.CreatedAt, w.DueAt))],
            [.. journal.Where(j => TimelineEvents.Contains(j.Event)).Select(j => new TimelineEntry(j.At, j.Event, j.ActivityId, j.ActivityType, j.Actor, j.Data))],
            [.. issued.Select(d => new ApplicationDocument(d.Id, d.Kind, d.Title, d.Number, d.Sha256, d.CreatedAt))])
        {
            PackageCode = instance.Input["package"] is null ? null : Text(application["packageCode"]),
            Members = instance.Input["package"] is null ? null : await MembersAsync(instance.Id, cancellationToken),
        };
    }

    /// <summary>A package's matters as cases of their own: each one's case number, matter and status.</summary>
    private async Task<IReadOnlyList<PackageMember>> MembersAsync(Guid packageId, CancellationToken cancellationToken)
    {
        var members = new List<PackageMember>();
        foreach (var child in await workflows.ListChildrenAsync(packageId, cancellationToken))
        {
            if (await ReadAsync(child.Id, cancellationToken) is { } view)
            {
                members.Add(new PackageMember(view.Id, view.CaseNumber, view.MatterCode, view.MatterName, view.Status, view.CommittedDueDate));
            }
        }

        // Children start in parallel, so they come back in no set order; the applicant's list reads -1, -2, -3 ….
        return [.. members.OrderBy(m => m.CaseNumber?.Length ?? 0).ThenBy(m => m.CaseNumber, StringComparer.Ordinal)];
    }

    /// <summary>The contract's status: the decision if there is one, else where acceptance stands, else whether review is under way.</summary>
    private static string StatusOf(WorkflowInstance instance, JsonObject? acceptance, ClockReading? reading, IReadOnlyList<WorkItem> items, IReadOnlyList<JournalEntry> journal)
    {
        var acceptanceStatus = Text(acceptance?["status"]);
        if (instance.Status == WorkflowStatus.Cancelled)
        {
            var reason = journal.LastOrDefault(j => j.Event == JournalEvents.InstanceCancelled)?.Data?["reason"];
            return Text(reason)?.StartsWith("Withdrawn", StringComparison.Ordinal) == true ? "Withdrawn" : "Terminated";
        }

        switch (Text((instance.Variables["result"] as JsonObject)?["status"]))
        {
            case "Approved":
                return instance.Status == WorkflowStatus.Completed ? "Completed" : "Approved";
            case "Rejected":
                return "Rejected";
        }

        if (acceptanceStatus is "RefusedAcceptance" or "CorrectionRequested" or "Terminated" or "Withdrawn")
        {
            return acceptanceStatus;
        }

        if (instance.Status == WorkflowStatus.Completed)
        {
            return "Completed";
        }

        if (reading is { IsPaused: true })
        {
            return "Paused";
        }

        // Review is under way once anyone has acted on a task of the case.
        return items.Any(w => w.Status == WorkItemStatus.Completed) ? "InReview" : acceptanceStatus ?? "InReview";
    }

    private static string? Text(JsonNode? node) => Approval.Engine.Execution.JsonValues.StringOf(node);

    private static DateTimeOffset? Instant(JsonNode? node) => Text(node) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
}
