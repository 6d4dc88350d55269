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

    public Task<RunResult> SubmitAsync(SubmitApplication request, ReceivingOfficer officer, CancellationToken cancellationToken) =>
        SubmitAsync(request, officer, caseId: null, cancellationToken);

    /// <summary>Receives the application as the case <paramref name="caseId"/> when given, so a client that repeats a
    /// submission it never heard back about cannot open a second case (<see cref="Engine.Storage.DuplicateKeyException"/>).</summary>
    public async Task<RunResult> SubmitAsync(SubmitApplication request, ReceivingOfficer officer, Guid? caseId, CancellationToken cancellationToken)
    {
        if (request.PackageCode is { Length: > 0 })
        {
            return await SubmitPackageAsync(request, officer, caseId, cancellationToken);
        }

        var problems = new List<string>();
        Matter? matter = null;
        if (string.IsNullOrWhiteSpace(request.MatterCode))
        {
            problems.Add("Either 'matterCode' or 'packageCode' is required.");
        }
        else if ((matter = await catalogue.FindAsync(request.MatterCode, cancellationToken)) is null)
        {
            throw new WorkflowNotFoundException($"Matter '{request.MatterCode}' is not in the catalogue.");
        }
        else if (matter.ClosedReason(ChinaTime.DateOf(time.GetUtcNow())) is { } closed)
        {
            throw new WorkflowConflictException($"Matter '{matter.Code}' takes no applications: {closed}.");
        }

        CheckApplicant(request, problems);
        CheckMaterials(request, matter?.Guide["materials"] as JsonArray, matter?.Name, problems);
        if (problems.Count > 0)
        {
            throw new InvalidApplicationException(problems);
        }

        var now = time.GetUtcNow();
        var caseNumber = await NextCaseNumberAsync(matter!.DepartmentCode, now, cancellationToken);
        var input = CaseInput(matter, caseNumber, request, officer, now);
        return await runtime.StartAsync(matter.DefinitionId, new StartOptions(input, caseNumber, officer.UserName, caseId, matter.VersionId), cancellationToken);
    }

    /// <summary>Receives a one-thing package: one form and one set of materials for all its matters. Each matter gets its own
    /// case (numbered under the package's) with the whole submission, so a material two matters need is handed in once
    /// and every matter's acceptance sees it.</summary>
    private async Task<RunResult> SubmitPackageAsync(SubmitApplication request, ReceivingOfficer officer, Guid? caseId, CancellationToken cancellationToken)
    {
        var package = await catalogue.FindPackageAsync(request.PackageCode!, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Package '{request.PackageCode}' is not in the catalogue.");
        var today = ChinaTime.DateOf(time.GetUtcNow());
        if (package.ClosedReason(today) is { } closed)
        {
            throw new WorkflowConflictException($"Package '{package.Code}' takes no applications: {closed}.");
        }

        var problems = new List<string>();
        if (request.MatterCode is { Length: > 0 })
        {
            problems.Add("Give 'matterCode' or 'packageCode', not both.");
        }

        var matters = new List<Matter>();
        foreach (var code in package.MatterCodes)
        {
            var matter = await catalogue.FindAsync(code, cancellationToken);
            if (matter is null || matter.ClosedReason(today) is not null)
            {
                throw new WorkflowConflictException($"Package '{package.Code}' includes matter '{code}', which {(matter is null ? "is not in the catalogue" : $"takes no applications: {matter.ClosedReason(today)}")}.");
            }

            matters.Add(matter);
        }

        CheckApplicant(request, problems);
        CheckMaterials(request, MergedMaterials.Of(matters), package.Name, problems);
        if (problems.Count > 0)
        {
            throw new InvalidApplicationException(problems);
        }

        var now = time.GetUtcNow();
        var caseNumber = await NextCaseNumberAsync(package.DepartmentCode, now, cancellationToken);
        var children = new JsonObject();
        for (var i = 0; i < matters.Count; i++)
        {
            var child = CaseInput(matters[i], $"{caseNumber}-{i + 1}", request, officer, now);
            child["application"]!["packageCode"] = package.Code;
            child["application"]!["packageCaseNumber"] = caseNumber;
            children[matters[i].Code] = child;
        }

        var guide = (JsonObject)package.Guide.DeepClone();
        guide["materials"] = MergedMaterials.Of(matters);
        var input = new JsonObject
        {
            ["package"] = guide,
            ["application"] = Application(caseNumber, request, officer, now, ("packageCode", package.Code)),
            ["office"] = Office(package.Department ?? officer.Department),
            ["handler"] = new JsonObject { ["name"] = officer.DisplayName, ["userName"] = officer.UserName },
            ["children"] = children,
        };
        return await runtime.StartAsync(package.DefinitionId, new StartOptions(input, caseNumber, officer.UserName, caseId, package.VersionId), cancellationToken);
    }

    private static void CheckApplicant(SubmitApplication request, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(request.Applicant?.Name))
        {
            problems.Add("'applicant.name' is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Applicant?.IdNumber))
        {
            problems.Add("'applicant.idNumber' is required (统一社会信用代码 or 身份证号).");
        }
    }

    /// <summary>Every material handed in must be one the guide lists.</summary>
    private static void CheckMaterials(SubmitApplication request, JsonArray? guideMaterials, string? guideName, List<string> problems)
    {
        var known = (guideMaterials ?? []).OfType<JsonObject>().Select(m => JsonValues.StringOf(m["code"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var material in request.Materials ?? [])
        {
            // A JSON null in the list binds as a null element.
            if (string.IsNullOrWhiteSpace(material?.Code))
            {
                problems.Add("Every material needs its 'code'.");
            }
            else if (guideName is not null && !known.Contains(material.Code))
            {
                problems.Add($"Material '{material.Code}' is not in the guide of {guideName}; its materials are {string.Join(", ", known)}.");
            }
        }
    }

    private async Task<string> NextCaseNumberAsync(string departmentCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(now);
        var sequence = await sequences.NextAsync($"case:{departmentCode}:{today:yyyyMMdd}", cancellationToken);
        return $"{departmentCode}{today:yyyyMMdd}{sequence:D4}";
    }

    /// <summary>A matter case's input: the guide it is accepted under, the application, the competent office, the handler.</summary>
    private static JsonObject CaseInput(Matter matter, string caseNumber, SubmitApplication request, ReceivingOfficer officer, DateTimeOffset now) => new()
    {
        ["guide"] = matter.Guide.DeepClone(),
        ["application"] = Application(caseNumber, request, officer, now, ("matterCode", matter.Code)),
        ["office"] = Office(matter.Department ?? officer.Department),
        ["handler"] = new JsonObject { ["name"] = officer.DisplayName, ["userName"] = officer.UserName },
    };

    private static JsonObject Application(string caseNumber, SubmitApplication request, ReceivingOfficer officer, DateTimeOffset now, (string Name, string Value) subject)
    {
        var applicant = request.Applicant!;
        return new JsonObject
        {
            ["caseNumber"] = caseNumber,
            [subject.Name] = subject.Value,
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
        };
    }

    private static JsonObject Office(string? department) => new()
    {
        ["name"] = department,
        ["shortName"] = ShortName(department),
        ["sealText"] = $"{department}行政审批专用章",
    };

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
