using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.DesignerHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>One-thing packages (一件事) from the seeded catalogue: one merged materials list, one submission, the matters run as child cases.</summary>
[Collection(HostCollection.Name)]
public sealed class PackagesApiTests(ApprovalHostFactory host)
{
    private const string EnterpriseOpening = "YJS-QYKB";

    [Fact]
    public async Task A_package_lists_its_matters_and_each_shared_material_once()
    {
        var clerk = await host.ClientForAsync("clerk");
        var packages = (await HttpAssert.JsonAsync(await clerk.GetAsync("/api/packages"))).AsArray();
        Assert.Contains(packages, p => p!["code"].Text() == "YJS-NFAJ");

        var package = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/packages/{EnterpriseOpening}"));
        Assert.Equal(5, package["matters"]!.AsArray().Count);
        Assert.Equal(1, package["committedLimitDays"]!.GetValue<int>());
        var materials = package["materials"]!.AsArray();
        var codes = materials.Select(m => m!["code"].Text()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var identity = Assert.Single(materials, m => m!["code"].Text() == "P01")!;
        Assert.Equal(5, identity["usedBy"]!.AsArray().Count);
        await HttpAssert.ProblemAsync(await clerk.GetAsync("/api/packages/no-such-package"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task One_submission_starts_every_matter_as_its_own_case_and_each_sees_the_shared_material()
    {
        var clerk = await host.ClientForAsync("clerk");
        var required = await RequiredMaterialsAsync(clerk);

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", Application(required)), HttpStatusCode.Created);
        var caseNumber = created["caseNumber"].Text();
        Assert.Matches(@"^QK\d{12}$", caseNumber);

        var members = await MembersAsync(clerk, created["id"].Text(), expected: 5);
        Assert.All(members, m => Assert.StartsWith(caseNumber + "-", m!["caseNumber"].Text()));
        Assert.All(members, m => Assert.DoesNotContain(m!["status"].Text(), new[] { "CorrectionRequested", "RefusedAcceptance" }));
        Assert.Equal(5, members.Select(m => m!["matterCode"].Text()).Distinct().Count());

        // The case search finds the package and, by its whole number, a matter's case inside it — for the department only.
        using var scope = host.Services.CreateScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseDirectory>();
        var users = host.Services.GetRequiredService<UserDirectory>();
        var supervisor = CookieSignIn.PrincipalFor(users.Find("supervisor")!);
        var memberNumber = members[1]!["caseNumber"].Text();
        Assert.Equal([caseNumber], (await cases.SearchAsync(supervisor, caseNumber, 10, CancellationToken.None)).Select(c => c.CaseNumber));
        var found = Assert.Single(await cases.SearchAsync(supervisor, memberNumber, 10, CancellationToken.None));
        Assert.Equal(members[1]!["id"].Text(), found.InstanceId.ToString());
        Assert.Empty(await cases.SearchAsync(CookieSignIn.PrincipalFor(users.Find("analyst")!), memberNumber, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_shared_material_is_noticed_by_every_matter_that_needs_it()
    {
        var clerk = await host.ClientForAsync("clerk");
        var required = (await RequiredMaterialsAsync(clerk)).Where(c => c != "P01").ToArray();

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", Application(required)), HttpStatusCode.Created);

        var members = await MembersAsync(clerk, created["id"].Text(), expected: 5);
        foreach (var member in members)
        {
            var read = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{member!["id"].Text()}"));
            Assert.Equal("CorrectionRequested", read["status"].Text());
            Assert.Contains(read["missingMaterials"]!.AsArray(), m => m!["code"].Text() == "P01");
        }
    }

    [Fact]
    public async Task A_material_outside_the_merged_list_or_both_codes_at_once_is_refused()
    {
        var clerk = await host.ClientForAsync("clerk");
        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", Application(["P01", "NOPE"])), HttpStatusCode.BadRequest);
        var both = Application(["P01"]);
        both["matterCode"] = "food-business-licence";
        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", both), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", new JsonObject
        {
            ["packageCode"] = "no-such-package",
            ["applicant"] = new JsonObject { ["name"] = "x", ["idNumber"] = "y" },
        }), HttpStatusCode.NotFound);
    }

    private static async Task<string[]> RequiredMaterialsAsync(HttpClient clerk)
    {
        var package = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/packages/{EnterpriseOpening}"));
        return [.. package["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => m!["code"].Text())];
    }

    private static JsonObject Application(IEnumerable<string> materials) => new()
    {
        ["packageCode"] = EnterpriseOpening,
        ["applicant"] = new JsonObject { ["name"] = "东莞市某某科技有限公司（筹）", ["idType"] = "身份证", ["idNumber"] = "441900199001011234", ["phone"] = "13800000000" },
        ["materials"] = new JsonArray([.. materials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
        ["form"] = new JsonObject { ["companyName"] = "东莞市某某科技有限公司", ["registeredCapital"] = "100万元" },
    };

    /// <summary>The package's member cases; children start through the outbox, so they appear a moment after the submission.</summary>
    private static async Task<List<JsonNode?>> MembersAsync(HttpClient clerk, string id, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var read = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{id}"));
            var members = read["members"]?.AsArray().ToList() ?? [];
            if (members.Count == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, members.Count);
                return members;
            }

            await Task.Delay(100);
        }
    }
}
