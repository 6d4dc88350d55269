using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Approval.Workflows.Catalogue;

namespace Approval.Workflows.Applications;

/// <summary>Receives applications: checks them, numbers the case and starts the matter's published workflow with the case data.</summary>
/// <remarks>
/// The case is the workflow instance: its id is the application id, its correlation id the case number, and its
/// input holds the guide of the version it was accepted under, the application, the office and the handler.
/// </remarks>
public sealed class ApplicationService(MatterCatalogue catalogue, WorkflowRuntime runtime, IWorkflowStore workflows, ISequenceStore sequences, TimeProvider time)
{
    /// <summary>The applicant withdraws the case (撤回), recorded by <paramref name="actor"/>; refused once an approval step has decided.</summary>
    /// <exception cref="WorkflowNotFoundException">No such case.</exception>
    /// <exception cref="WorkflowConflictException">The case has been decided or has ended.</exception>
    public async Task<RunResult> WithdrawAsync(Guid id, string actor, string? reason, CancellationToken cancellationToken)
    {
        var instance = await workflows.FindInstanceAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException($"Case {id} does not exist.");
        if (Approval.Activities.Cases.CaseWithdrawal.RefusalReason(instance) is { } refusal)
        {
            throw new WorkflowConflictException(refusal);
        }

        return await runtime.CancelAsync(id, actor, $"Withdrawn by the applicant: {(string.IsNullOrWhiteSpace(reason) ? "申请人撤回申请。" : reason)}", cancellationToken);
    }

    public async Task<RunResult> SubmitAsync(SubmitApplication request, ReceivingOfficer officer, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (request.PackageCode is { Length: > 0 })
        {
            problems.Add("One-thing packages are not open for applications yet; apply for each matter.");
        }

        Matter? matter = null;
        if (string.IsNullOrWhiteSpace(request.MatterCode))
        {
            problems.Add("'matterCode' is required.");
        }
        else if ((matter = await catalogue.FindAsync(request.MatterCode, cancellationToken)) is null)
        {
            throw new WorkflowNotFoundException($"Matter '{request.MatterCode}' is not in the catalogue.");
        }
        else if (!matter.IsActive)
        {
            throw new WorkflowConflictException($"Matter '{matter.Code}' is not open for applications (state {matter.Guide["state"]}).");
        }

        if (string.IsNullOrWhiteSpace(request.Applicant?.Name))
        {
            problems.Add("'applicant.name' is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Applicant?.IdNumber))
        {
            problems.Add("'applicant.idNumber' is required (统一社会信用代码 or 身份证号).");
        }

        var known = matter?.Guide["materials"] is JsonArray guideMaterials
            ? guideMaterials.OfType<JsonObject>().Select(m => JsonValues.StringOf(m["code"])).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var material in request.Materials ?? [])
        {
            if (string.IsNullOrWhiteSpace(material.Code))
            {
                problems.Add("Every material needs its 'code'.");
            }
            else if (matter is not null && !known.Contains(material.Code))
            {
                problems.Add($"Material '{material.Code}' is not in the guide of {matter.Name}; its materials are {string.Join(", ", known)}.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidApplicationException(problems);
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var sequence = await sequences.NextAsync($"case:{matter!.DepartmentCode}:{today:yyyyMMdd}", cancellationToken);
        var caseNumber = $"{matter.DepartmentCode}{today:yyyyMMdd}{sequence:D4}";
        var applicant = request.Applicant!;
        var input = new JsonObject
        {
            ["guide"] = matter.Guide.DeepClone(),
            ["application"] = new JsonObject
            {
                ["caseNumber"] = caseNumber,
                ["matterCode"] = matter.Code,
                ["receivedAt"] = now.ToString("O"),
                ["receivedBy"] = officer.UserName,
                ["acceptingOffice"] = officer.Department,
                ["applicant"] = new JsonObject
                {
                    ["name"] = applicant.Name,
                    ["idType"] = applicant.IdType ?? "统一社会信用代码",
                    ["idNumber"] = applicant.IdNumber,
                    ["phone"] = applicant.Phone,
                    ["contact"] = applicant.Contact,
                    ["address"] = applicant.Address,
                },
                ["materials"] = new JsonArray([.. (request.Materials ?? []).Select(m => (JsonNode)new JsonObject { ["code"] = m.Code, ["copies"] = m.Copies ?? 1, ["form"] = m.Form ?? "原件" })]),
                ["eLicences"] = new JsonArray([.. (request.ELicences ?? []).Select(c => (JsonNode)JsonValue.Create(c)!)]),
                ["form"] = request.Form?.DeepClone() ?? new JsonObject(),
            },
            ["office"] = new JsonObject
            {
                ["name"] = matter.Department ?? officer.Department,
                ["shortName"] = ShortName(matter.Department ?? officer.Department),
                ["sealText"] = $"{matter.Department ?? officer.Department}行政审批专用章",
            },
            ["handler"] = new JsonObject { ["name"] = officer.DisplayName, ["userName"] = officer.UserName },
        };
        return await runtime.StartAsync(matter.DefinitionId, new StartOptions(input, caseNumber, officer.UserName, VersionId: matter.VersionId), cancellationToken);
    }

    /// <summary>The office's short name for document numbers: 东 for Dongguan and the bureau's usual abbreviation (市场监督管理局 → 东市监).</summary>
    private static string ShortName(string? department)
    {
        var name = department ?? "";
        foreach (var (full, shortName) in Abbreviations)
        {
            if (name.Contains(full, StringComparison.Ordinal))
            {
                return $"东{shortName}";
            }
        }

        var core = name.Replace("东莞市", "", StringComparison.Ordinal).TrimStart('市');
        return core.Length > 0 ? $"东{core[..Math.Min(2, core.Length)]}" : "东莞";
    }

    private static readonly (string Full, string Short)[] Abbreviations =
    [
        ("市场监督管理局", "市监"), ("住房和城乡建设局", "住建"), ("自然资源局", "自然资源"), ("卫生健康局", "卫健"),
        ("生态环境局", "环"), ("交通运输局", "交"), ("人力资源和社会保障局", "人社"), ("政务服务数据管理局", "政数"),
    ];
}
