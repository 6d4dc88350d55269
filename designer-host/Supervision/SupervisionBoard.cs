using System.Security.Claims;
using Approval.DesignerHost.Apis;
using Approval.Engine.Clocks;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Supervision;

/// <summary>The supervision page's board: the alerts of <see cref="SupervisionQueries"/> with each case's matter and who holds it now, and the escalation log.</summary>
public sealed class SupervisionBoard(SupervisionQueries queries, IWorkflowStore workflows, MatterCatalogue matters, TimeProvider time)
{
    /// <summary>Reads the board for <paramref name="user"/>: an admin's <paramref name="department"/> narrows it, a supervisor always sees its own.</summary>
    public async Task<BoardSnapshot> ReadAsync(ClaimsPrincipal user, string? department, CancellationToken cancellationToken)
    {
        var alerts = await queries.AlertsAsync(user, level: null, department, SupervisionQueries.MaxRows, cancellationToken);
        var matterNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        var cases = new List<AlertCase>(alerts.Count);
        foreach (var alert in alerts)
        {
            if (!matterNames.TryGetValue(alert.DefinitionId, out var matterName))
            {
                matterName = (await matters.FindAsync(alert.DefinitionId, cancellationToken))?.Name;
                matterNames[alert.DefinitionId] = matterName;
            }

            var open = (await workflows.ListWorkItemsAsync(alert.InstanceId, cancellationToken))
                .Where(w => w.Status == WorkItemStatus.Open)
                .Select(w => new OpenTask(w.Title, w.Assignee, w.CandidateRoles, w.Department))
                .ToList();
            cases.Add(new AlertCase(alert, matterName ?? alert.Subject ?? alert.DefinitionId, open));
        }

        var escalations = await queries.EscalationsAsync(user, instanceId: null, department, since: null, SupervisionQueries.DefaultRows, cancellationToken);
        return new BoardSnapshot(MostUrgentFirst(cases), escalations, time.GetUtcNow());
    }

    /// <summary>Worst level first, then fewest working days left (most overdue), then earliest due date.</summary>
    private static List<AlertCase> MostUrgentFirst(IEnumerable<AlertCase> cases) =>
        [.. cases.OrderByDescending(c => c.Alert.WarningLevel).ThenBy(c => c.Alert.WorkingDaysRemaining).ThenBy(c => c.Alert.CommittedDueDate).ThenBy(c => c.Alert.InstanceId)];
}

/// <summary>What the board shows at one instant.</summary>
public sealed record BoardSnapshot(IReadOnlyList<AlertCase> Cases, IReadOnlyList<Escalation> Escalations, DateTimeOffset ReadAt)
{
    public int CountAt(WarningLevel level) => Cases.Count(c => c.Alert.WarningLevel == level);
}

/// <summary>A case on the board: its alert, the matter's name, and the open work items that say who holds it.</summary>
public sealed record AlertCase(AlertView Alert, string Matter, IReadOnlyList<OpenTask> OpenTasks)
{
    /// <summary>The case number (the instance's correlation id) or, for a flow without one, the start of its id.</summary>
    public string CaseNumber => Alert.CorrelationId ?? Alert.InstanceId.ToString()[..8];
}

/// <summary>An open work item: assigned to one person, or waiting for anyone with a candidate role in a department.</summary>
public sealed record OpenTask(string Title, string? Assignee, IReadOnlyList<string> CandidateRoles, string? Department);
