using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.Engine.Clocks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Microsoft.EntityFrameworkCore;

namespace Approval.DesignerHost.Cases;

/// <summary>Finds cases (办件) for the case view: the most recent ones a user may see, or those whose case number matches.</summary>
/// <remarks>
/// The department a case belongs to sits in the instance's JSON input, which neither database can index portably, so
/// the newest instances carrying a case number are read (without their run state) and filtered here. A whole case number
/// is looked up exactly, through the correlation index, so an old case is still found; part of one searches the newest.
/// </remarks>
public sealed class CaseDirectory(EngineDbContextFactory contexts, IClockStore clocks, TimeProvider time)
{
    /// <summary>How many of the newest cases are looked through for one page.</summary>
    private const int Window = 500;

    public async Task<IReadOnlyList<CaseSummary>> SearchAsync(ClaimsPrincipal user, string? caseNumber, int max, CancellationToken cancellationToken)
    {
        var number = caseNumber?.Trim();
        await using var db = contexts.Create();
        var query = db.Instances.AsNoTracking().Where(i => i.CorrelationId != null);
        if (string.IsNullOrEmpty(number))
        {
            // The list shows cases as applicants know them: a package once, not each of its matters.
            query = query.Where(i => i.ParentInstanceId == null);
        }
        else if (await db.Instances.AnyAsync(i => i.CorrelationId == number, cancellationToken))
        {
            // A whole case number (a package's matter's too) is found through the index, however old the case.
            query = query.Where(i => i.CorrelationId == number);
        }
        else
        {
            query = query.Where(i => i.CorrelationId!.Contains(number));
        }

        var rows = await query
            .OrderByDescending(i => i.CreatedAt)
            .Take(Window)
            .Select(i => new { i.Id, i.CorrelationId, i.DefinitionId, i.Version, i.Status, i.CreatedAt, i.Input })
            .ToListAsync(cancellationToken);

        var visible = rows
            .Where(r => r.Input["application"] is JsonObject)
            .Select(r => (Row: r, Department: CaseAccess.DepartmentOf(r.Input)))
            .Where(r => CaseAccess.MaySee(user, r.Row.Input))
            .Take(max)
            .ToList();

        var now = time.GetUtcNow();
        var levels = (await clocks.ListOpenForInstancesAsync([.. visible.Select(v => v.Row.Id)], cancellationToken))
            .GroupBy(c => c.InstanceId)
            .ToDictionary(g => g.Key, g => g.Max(c => c.LevelAt(now)));

        return [.. visible.Select(v => new CaseSummary(
            v.Row.Id,
            v.Row.CorrelationId!,
            JsonValues.StringOf((v.Row.Input["guide"] as JsonObject)?["name"]) ?? v.Row.DefinitionId,
            JsonValues.StringOf((v.Row.Input["application"] as JsonObject)?["applicant"]?["name"]),
            v.Department,
            v.Row.Status,
            v.Row.CreatedAt,
            levels.GetValueOrDefault(v.Row.Id)))];
    }
}

/// <summary>One case in the case list.</summary>
public sealed record CaseSummary(Guid InstanceId, string CaseNumber, string MatterName, string? Applicant, string? Department, WorkflowStatus Status, DateTimeOffset ReceivedAt, WarningLevel WarningLevel);
