using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;
using Approval.Workflows;

namespace Approval.Activities.Tests;

/// <summary>
/// The demo catalogue embedded in the workflows assembly: every seed reads, carries a complete guide in
/// <c>customProperties.matter</c>, validates against the registered activities, and its main path runs to the end.
/// </summary>
public sealed partial class SeedCatalogueTests
{
    private const string Prefix = "Approval.Workflows.Catalogue.Seed.";

    /// <summary>The departments the demo users belong to; a matter elsewhere would have nobody to act on its tasks.</summary>
    private static readonly string[] DemoDepartments = ["市市场监督管理局", "市政务服务数据管理局"];

    /// <summary>Outcomes that move a case forward, in the order a task is checked for them.</summary>
    private static readonly string[] ForwardOutcomes = ["Approve", "Passed", "Verified", "Done"];

    private static readonly string[] SpecialProcedureKinds =
        ["Hearing", "Bidding", "Auction", "Testing", "Quarantine", "Appraisal", "ExpertReview", "SiteInspection", "TechnicalReview"];

    // Monday 2026-11-30 09:00 Beijing.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private static Assembly Workflows => typeof(WorkflowsServiceCollectionExtensions).Assembly;

    public static IEnumerable<object[]> Seeds() => ResourceNames().Select(n => new object[] { n[Prefix.Length..^".json".Length] });

    [Fact]
    public void TheCatalogue_ShipsTheDemoMatters_WithUniqueCodes()
    {
        var ids = ResourceNames().Select(n => n[Prefix.Length..^".json".Length]).ToList();
        foreach (var expected in new[] { "medical-device-class1-filing", "food-business-licence", "hearing-matter", "informed-commitment-matter" })
        {
            Assert.Contains(expected, ids);
        }

        var codes = ids.Select(id => Text(Guide(Document(id)), "code")).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_Reads_AndItsDefinitionIdIsItsFileName(string seed)
    {
        var definition = DefinitionJson.Read(Json(seed));

        Assert.Equal(seed, definition.DefinitionId);
        Assert.False(string.IsNullOrWhiteSpace(definition.Name));
        Assert.IsType<JsonObject>(definition.CustomProperties?["matter"]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_Guide_HasEveryContractField(string seed)
    {
        var guide = Guide(Document(seed));

        Assert.Matches(ImplementationCode(), Text(guide, "code"));
        Assert.False(string.IsNullOrWhiteSpace(Text(guide, "name")));
        Assert.Contains(Text(guide, "department"), DemoDepartments);
        Assert.Matches(DepartmentCode(), Text(guide, "departmentCode"));
        Assert.Contains(Text(guide, "caseType"), new[] { "即办件", "承诺件" });
        var statutory = Int(guide, "statutoryLimitDays");
        var committed = Int(guide, "committedLimitDays");
        Assert.InRange(committed, 1, statutory);
        _ = Bool(guide, "allowsDeficiencyTolerance");
        _ = Bool(guide, "allowsInformedCommitment");
        Assert.False(string.IsNullOrWhiteSpace(Text(guide, "legalBasis")));
        var conditions = Assert.IsType<JsonArray>(guide["acceptanceConditions"]);
        Assert.NotEmpty(conditions);
        Assert.All(conditions, c => Assert.False(string.IsNullOrWhiteSpace(c?.GetValue<string>())));
        Assert.Equal("全市通办", Text(guide, "handlingScope"));
        Assert.Equal("active", Text(guide, "state"));
        Assert.True(DateOnly.TryParseExact(Text(guide, "effectiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

        foreach (var procedure in Assert.IsType<JsonArray>(guide["specialProcedures"]).Select(p => Assert.IsType<JsonObject>(p)))
        {
            Assert.Contains(Text(procedure, "type"), SpecialProcedureKinds);
            Assert.True(Int(procedure, "limitDays") >= 1);
            Assert.False(string.IsNullOrWhiteSpace(Text(procedure, "note")));
        }

        var responsibilities = Assert.IsType<JsonObject>(guide["responsibilities"]);
        Assert.NotEmpty(responsibilities);
        foreach (var (_, entry) in responsibilities)
        {
            Assert.NotEmpty(Assert.IsType<JsonArray>(entry?["roles"]));
            Assert.False(string.IsNullOrWhiteSpace(Text(entry!.AsObject(), "department")));
        }

        var materials = Assert.IsType<JsonArray>(guide["materials"]).Select(m => Assert.IsType<JsonObject>(m)).ToList();
        Assert.NotEmpty(materials);
        var codes = materials.Select(m => Text(m, "code")).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var material in materials)
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(material, "name")));
            var required = Bool(material, "required");
            Assert.True(!Bool(material, "tolerable") || required, $"{Text(material, "code")}: only a required material can be deferred under 容缺.");
            Assert.All(Assert.IsType<JsonArray>(material["alternatives"]), a => Assert.Contains(a!.GetValue<string>(), codes));
            _ = Bool(material, "exemptWithELicence");
            Assert.False(string.IsNullOrWhiteSpace(Text(material, "form")));
            Assert.True(Int(material, "copies") >= 1);
            Assert.False(string.IsNullOrWhiteSpace(Text(material, "requirement")));
        }

        Assert.Contains(materials, m => Bool(m, "required"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_GuideAndFlow_Agree(string seed)
    {
        var guide = Guide(Document(seed));
        var definition = DefinitionJson.Read(Json(seed));
        var activities = definition.Root.Activities;
        bool Has(string type) => activities.Any(a => a.Type == type);

        Assert.Equal(Text(guide, "caseType") == "即办件", Has("OnTheSpotHandling"));
        Assert.Equal(Bool(guide, "allowsDeficiencyTolerance"), Has("DeficiencyTolerantAcceptance"));
        if (Bool(guide, "allowsDeficiencyTolerance"))
        {
            Assert.Contains(guide["materials"]!.AsArray(), m => Bool(m!.AsObject(), "tolerable"));
        }

        Assert.Equal(Bool(guide, "allowsInformedCommitment"), Has("InformedCommitment"));
        Assert.Equal(Has("InformedCommitment"), Has("CommitmentVerification"));
        foreach (var procedure in guide["specialProcedures"]!.AsArray().Select(p => Text(p!.AsObject(), "type")))
        {
            Assert.True(
                activities.Any(a => (a.Type == "SpecialProcedure" && InputConversions.ToText(a.Input("procedure")?.Value) == procedure) || (procedure == "Hearing" && a.Type == "Hearing")),
                $"The guide lists the special procedure {procedure}, but the flow has no step for it.");
        }

        // The responsibility list names the flow's own steps.
        foreach (var (step, _) in guide["responsibilities"]!.AsObject())
        {
            Assert.Contains(activities, a => a.Id == step);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_Validates_WithEveryApprovalOutcomeConnected_AndALegibleLayout(string seed)
    {
        var harness = new RunnerHarness(Json(seed), ActivitiesServiceCollectionExtensions.All, Monday);

        Assert.Empty(harness.Validator.Validate(harness.Definition));
        foreach (var task in harness.Definition.Root.Activities.Where(a => a.Type == "ApprovalTask"))
        {
            var ports = harness.Definition.Root.Connections.Where(c => c.Source.Activity == task.Id).Select(c => c.Source.Port).ToHashSet();
            Assert.Subset(ports, new HashSet<string> { "Approve", "Reject", "Return" });
        }

        var positions = harness.Definition.Root.Activities
            .Select(a => a.Metadata?["designer"]?["position"] is JsonObject p ? (p["x"]!.GetValue<int>(), p["y"]!.GetValue<int>()) : throw new Xunit.Sdk.XunitException($"'{a.Id}' has no designer position."))
            .ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seed_MainPath_WithAllRequiredMaterials_RunsToTheLicenceAndTheArchive(string seed)
    {
        var guide = Guide(Document(seed));
        var harness = new RunnerHarness(Json(seed), ActivitiesServiceCollectionExtensions.All, Monday);
        await harness.StartAsync(Input(guide, "SJ202611300001"));

        for (var step = 0; step < 20 && harness.Instance.Status != WorkflowStatus.Completed; step++)
        {
            Assert.True(harness.Instance.Incident is null, harness.Instance.Incident?.Error);
            if (harness.OpenWorkItems.FirstOrDefault() is { } task)
            {
                var outcome = ForwardOutcomes.First(task.Outcomes.Contains);
                await harness.ResumeAsync(harness.Bookmarks.Single(b => b.Id == task.BookmarkId), new JsonObject { ["outcome"] = outcome }, "reviewer");
            }
            else
            {
                // A hearing waits for the applicant's answer; nobody asks for one.
                var request = harness.Bookmarks.Single(b => b.Kind == BookmarkKinds.Signal && b.SignalName == "hearing-request");
                await harness.ResumeAsync(request, new JsonObject { ["requested"] = false });
            }
        }

        Assert.True(harness.Instance.Incident is null, harness.Instance.Incident?.Error);
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var documents = harness.Commits.SelectMany(c => c.Documents).ToList();
        Assert.Equal("AcceptanceReceipt", documents[0].Kind);
        var decision = Assert.Single(documents, d => d.Kind == "ApprovalDecision");
        Assert.Contains(Text(guide["result"]!.AsObject(), "name"), decision.Content);
        Assert.Equal("CaseFileManifest", documents[^1].Kind);
    }

    [Fact]
    public async Task FoodLicence_CompleteMaterials_AcceptedAtOnce_AndWaitsOnTheSiteInspection()
    {
        var harness = new RunnerHarness(Json("food-business-licence"), ActivitiesServiceCollectionExtensions.All, Monday);
        var start = await harness.StartAsync(Input(Guide(Document("food-business-licence")), "SJ202611300001"));

        Assert.Equal(WorkflowStatus.Suspended, harness.Instance.Status);
        Assert.Equal(["AcceptanceReceipt", "SpecialProcedureNotice"], start.Documents.Select(d => d.Kind));
        var inspection = Assert.Single(harness.OpenWorkItems);
        Assert.Equal("inspect", inspection.ActivityId);
        Assert.Equal("特别程序：现场核查", inspection.Title);
        Assert.Equal(["Approver"], inspection.CandidateRoles);
        Assert.Equal("市市场监督管理局", inspection.Department);
        Assert.Equal(5, inspection.LimitWorkingDays);
    }

    [Fact]
    public async Task FoodLicence_Approved_NumbersTheLicenceFromTheCase_ValidForFiveYears()
    {
        var harness = new RunnerHarness(Json("food-business-licence"), ActivitiesServiceCollectionExtensions.All, Monday);
        await harness.StartAsync(Input(Guide(Document("food-business-licence")), "SJ202611300001"));

        await harness.CompleteAsync("inspect", "Passed", "reviewer");
        var review = Assert.Single(harness.OpenWorkItems);
        Assert.Equal(3, review.LimitWorkingDays);
        Assert.Equal(["Approve", "Reject", "Return"], review.Outcomes);
        await harness.CompleteAsync("review", "Approve", "reviewer");

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var decision = harness.Commits.SelectMany(c => c.Documents).Single(d => d.Kind == "ApprovalDecision");
        Assert.Contains("JY14419001300001", decision.Content);
        Assert.Equal("JY14419001300001", harness.Instance.Variables["result"]?["licenceNumber"]?.GetValue<string>());
        Assert.Contains("2031年11月29日", decision.Content);
    }

    /// <summary>The case as the application service starts it: the guide, an application with every required material, the office and the handler.</summary>
    private static JsonObject Input(JsonObject guide, string caseNumber) => new()
    {
        ["guide"] = guide.DeepClone(),
        ["application"] = new JsonObject
        {
            ["caseNumber"] = caseNumber,
            ["applicant"] = new JsonObject { ["name"] = "东莞市某某实业有限公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4XXXXX0X" },
            ["materials"] = new JsonArray([.. guide["materials"]!.AsArray()
                .Select(m => m!.AsObject())
                .Where(m => Bool(m, "required"))
                .Select(m => (JsonNode)new JsonObject { ["code"] = Text(m, "code") })]),
        },
        ["office"] = new JsonObject { ["name"] = "东莞市市场监督管理局", ["shortName"] = "东市监", ["sealText"] = "东莞市市场监督管理局行政审批专用章" },
        ["handler"] = new JsonObject { ["name"] = "王芳" },
    };

    /// <summary>The seeded matters; the one-thing packages (<c>package-*.json</c>) have tests of their own.</summary>
    private static IEnumerable<string> ResourceNames() =>
        Workflows.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && !n.StartsWith(Prefix + "package-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Json(string seed)
    {
        using var stream = Workflows.GetManifestResourceStream($"{Prefix}{seed}.json") ?? throw new InvalidOperationException($"No embedded seed '{seed}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonObject Document(string seed) => DefinitionJson.ParseObject(Json(seed));

    private static JsonObject Guide(JsonObject document) => Assert.IsType<JsonObject>(document["customProperties"]?["matter"]);

    private static string Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new Xunit.Sdk.XunitException($"'{name}' is missing or not text.");

    private static int Int(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw new Xunit.Sdk.XunitException($"'{name}' is missing or not a whole number.");

    private static bool Bool(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new Xunit.Sdk.XunitException($"'{name}' is missing or not true/false.");

    /// <summary>实施编码: the implementer's 18-character unified social credit code, one digit, the 12-digit 基本编码.</summary>
    [GeneratedRegex("^[0-9A-Z]{18}[0-9][0-9]{12}$")]
    private static partial Regex ImplementationCode();

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex DepartmentCode();
}
