using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Calendar;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary><c>GET /api/supervision/metrics</c>: the figures per matter, department and clerk, the period and grouping checked, a supervisor held to its department.</summary>
/// <remarks>A host of its own, so the counts are exactly the cases these tests receive.</remarks>
public sealed class SupervisionMetricsApiTests(ApprovalHostFactory host) : IClassFixture<ApprovalHostFactory>
{
    private const string Department = "市市场监督管理局"; // the demo clerk's and supervisor's department, and every seeded matter's

    [Fact]
    public async Task Metrics_CountWhatTheWindowReceived_ByMatterDepartmentAndClerk_WithinTheSupervisorsDepartment()
    {
        var clerk = await host.ClientForAsync("clerk");
        var supervisor = await host.ClientForAsync("supervisor");
        var admin = await host.ClientForAsync("admin");
        var food = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters/food-business-licence"));
        var filing = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters/medical-device-class1-filing"));
        await SubmitAsync(clerk, food, "东莞市齐全餐饮有限公司", "Accepted");
        await SubmitAsync(clerk, food, "东莞市缺件餐饮有限公司", "CorrectionRequested", leaveOut: "M01");
        await SubmitAsync(clerk, filing, "东莞市即办器械有限公司", status: null);

        var period = Period();
        var byMatter = (await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?{period}&groupBy=matter"))).AsArray();
        var foodRow = Assert.Single(byMatter, r => r!["key"].Text() == food["code"].Text())!;
        Assert.Equal(food["name"].Text(), foodRow["name"].Text());
        Assert.Equal(2, foodRow["received"]!.GetValue<int>());
        Assert.Equal(1, foodRow["returns"]!.GetValue<int>());
        Assert.Equal(0.5, foodRow["returnRate"]!.GetValue<double>());
        Assert.True(foodRow["returnRateFlag"]!.GetValue<bool>(), "one return in two is above the 10% threshold");
        Assert.Equal(0, foodRow["immediate"]!.GetValue<int>());
        var filingRow = Assert.Single(byMatter, r => r!["key"].Text() == filing["code"].Text())!;
        Assert.Equal(1, filingRow["received"]!.GetValue<int>());
        Assert.False(filingRow["returnRateFlag"]!.GetValue<bool>());
        Assert.Equal(1.0, filingRow["immediateRatio"]!.GetValue<double>());

        var byDepartment = (await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?{period}&groupBy=department"))).AsArray();
        var departmentRow = Assert.Single(byDepartment)!;
        Assert.Equal(Department, departmentRow["key"].Text());
        Assert.Equal(3, departmentRow["received"]!.GetValue<int>());
        Assert.Equal(1, departmentRow["returns"]!.GetValue<int>());
        Assert.Equal(1, departmentRow["immediate"]!.GetValue<int>());

        var byClerk = (await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?{period}&groupBy=Clerk"))).AsArray();
        Assert.Equal(3, Assert.Single(byClerk, r => r!["key"].Text() == "clerk")!["received"]!.GetValue<int>());

        // A supervisor asking for another department still sees its own; an admin sees the one it names.
        var elsewhere = "市政务服务数据管理局";
        var supervisorElsewhere = (await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?{period}&groupBy=department&department={elsewhere}"))).AsArray();
        Assert.Equal(Department, Assert.Single(supervisorElsewhere)!["key"].Text());
        Assert.Empty((await HttpAssert.JsonAsync(await admin.GetAsync($"/api/supervision/metrics?{period}&groupBy=department&department={elsewhere}"))).AsArray());
        Assert.Equal(3, Assert.Single((await HttpAssert.JsonAsync(await admin.GetAsync($"/api/supervision/metrics?{period}&groupBy=department"))).AsArray())!["received"]!.GetValue<int>());

        // A period that ended before these cases came in counts none of them; groupBy defaults to the matter.
        var before = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(-30);
        Assert.Empty((await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?from={before.AddDays(-10):yyyy-MM-dd}&to={before:yyyy-MM-dd}"))).AsArray());
        Assert.Contains((await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/metrics?{period}"))).AsArray(), r => r!["key"].Text() == food["code"].Text());
    }

    [Theory]
    [InlineData("to=2026-01-31", "'from'")]
    [InlineData("from=2026-13-01&to=2026-12-31", "'from'")]
    [InlineData("from=2026-01-01&to=31/01/2026", "'to'")]
    [InlineData("from=2026-02-01&to=2026-01-31", "before")]
    [InlineData("from=2000-01-01&to=2026-01-31", "at most")]
    [InlineData("from=2026-01-01&to=2026-01-31&groupBy=purple", "'groupBy'")]
    [InlineData("from=2026-01-01&to=2026-01-31&groupBy=1", "'groupBy'")]
    public async Task Metrics_BadPeriodOrGrouping_Is400SayingWhich(string query, string named)
    {
        var supervisor = await host.ClientForAsync("supervisor");
        var problem = await HttpAssert.ProblemAsync(await supervisor.GetAsync($"/api/supervision/metrics?{query}"), HttpStatusCode.BadRequest);
        Assert.Contains(named, problem["detail"].Text());
    }

    [Fact]
    public async Task Metrics_AreForSupervisorsAndAdmins_AndInTheOpenApiDocument()
    {
        var url = "/api/supervision/metrics?from=2026-01-01&to=2026-01-31";
        await HttpAssert.ProblemAsync(await (await host.ClientForAsync("clerk")).GetAsync(url), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await (await host.ClientForAsync("reviewer")).GetAsync(url), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync(url)).StatusCode);
        await HttpAssert.JsonAsync(await (await host.ClientForAsync("admin")).GetAsync(url));

        var document = await HttpAssert.JsonAsync(await host.CreateClient().GetAsync("/openapi/v1.json"));
        var parameters = document["paths"]!["/api/supervision/metrics"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"].Text());
        Assert.Equal(["department", "from", "groupBy", "to"], parameters.Order(StringComparer.Ordinal));
    }

    /// <summary>From yesterday to tomorrow in Beijing, so the cases received now fall inside whatever the hour.</summary>
    private static string Period()
    {
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        return $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
    }

    private static async Task SubmitAsync(HttpClient clerk, JsonNode matter, string applicant, string? status, string? leaveOut = null)
    {
        var materials = matter["materials"]!.AsArray()
            .Where(m => m!["required"]!.GetValue<bool>() && m["code"].Text() != leaveOut)
            .Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"].Text() })
            .ToArray();
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = matter["code"].Text(),
            ["applicant"] = new JsonObject { ["name"] = applicant, ["idNumber"] = "91441900MA4METRICS" },
            ["materials"] = new JsonArray(materials),
        }), HttpStatusCode.Created);
        if (status is not null)
        {
            Assert.Equal(status, created["status"].Text());
        }
    }
}
