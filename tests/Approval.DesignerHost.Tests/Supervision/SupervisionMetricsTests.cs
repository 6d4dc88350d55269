using System.Net;
using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Calendar;
using Approval.Engine.Tests.Support;
using Approval.Workflows.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Supervision;

/// <summary>Supervision figures computed from cases received through the API: received, returns and the 10% flag, completion.</summary>
[Collection(HostCollection.Name)]
public sealed class SupervisionMetricsTests(ApprovalHostFactory host)
{
    /// <summary>Publishes a food-licence matter (guide in customProperties) whose flow accepts, notices, and opens a review task.</summary>
    private async Task<string> PublishMatterAsync()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("matter");
        var guide = CaseSamples.Guide();
        guide.Remove("matterCode");
        guide.Remove("matterName");
        guide["code"] = id;
        guide["name"] = "食品经营许可（新办）";
        guide["department"] = "市市场监督管理局";
        guide["departmentCode"] = "SJ";
        guide["caseType"] = "承诺件";
        var definition = new FlowBuilder(id, "食品经营许可（新办）")
            .Activity("start", "Start")
            .Activity("receive", "AcceptOnReceipt")
            .Activity("notice", "OneTimeDeficiencyNotice")
            .Activity("review", "ApprovalTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")), ("department", "市市场监督管理局"))
            .Activity("end", "End")
            .Connect("start", "receive")
            .Connect("receive", "review", "Accepted").Connect("receive", "review", "AcceptedWithDeficiency").Connect("receive", "notice", "CorrectionRequired").Connect("receive", "end", "Refused")
            .Connect("notice", "review", "Accepted").Connect("notice", "end", "Withdrawn")
            .Connect("review", "end", "Approve").Connect("review", "end", "Reject").Connect("review", "end", "Return")
            .ToJsonObject();
        definition["customProperties"] = new JsonObject { ["matter"] = guide };
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", definition), HttpStatusCode.Created);
        await HttpAssert.JsonAsync(await analyst.PostAsync($"/api/workflow-definitions/{id}/publish", null));
        return id;
    }

    private static JsonObject Application(string matter, params string[] materials) => new()
    {
        ["matterCode"] = matter,
        ["applicant"] = new JsonObject { ["name"] = "东莞市某某餐饮有限公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4XXXXX0X", ["phone"] = "0769-22000000" },
        ["materials"] = new JsonArray([.. materials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
    };

    [Fact]
    public async Task Return_rate_counts_refusals_and_notices_over_received_and_flags_above_ten_percent()
    {
        var clerk = await host.ClientForAsync("clerk");
        var flagged = await PublishMatterAsync();
        var borderline = await PublishMatterAsync();

        // flagged: 1 of 2 sent back (50%), and the supplement that follows does not undo the return.
        await Submit(clerk, flagged, "M01", "M02", "M03", "M04");
        var noticed = await Submit(clerk, flagged, "M01", "M02", "M04");
        Assert.Equal("CorrectionRequested", noticed["status"].Text());
        await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/applications/{noticed["id"].Text()}/supplements", new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M03" }) }));

        // borderline: 1 of 10 sent back is exactly 10%, which is not above the threshold.
        for (var i = 0; i < 9; i++)
        {
            await Submit(clerk, borderline, "M01", "M02", "M03", "M04");
        }

        await Submit(clerk, borderline, "M01", "M02");

        var rows = await MetricsAsync(MetricsGrouping.Matter);
        var high = Assert.Single(rows, r => r.Key == flagged);
        Assert.Equal((2, 1, 0.5, true), (high.Received, high.Returns, high.ReturnRate, high.ReturnRateFlag));
        Assert.Equal("食品经营许可（新办）", high.Name);
        var edge = Assert.Single(rows, r => r.Key == borderline);
        Assert.Equal((10, 1, 0.1, false), (edge.Received, edge.Returns, edge.ReturnRate, edge.ReturnRateFlag));
        Assert.Equal(0, edge.Immediate); // 承诺件, not 即办件

        var byClerk = await MetricsAsync(MetricsGrouping.Clerk);
        Assert.True(Assert.Single(byClerk, r => r.Key == "clerk").Received >= 12);
    }

    [Fact]
    public async Task A_case_decided_within_its_limit_counts_as_completed_on_time_with_its_working_days()
    {
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var matter = await PublishMatterAsync();
        var decided = await Submit(clerk, matter, "M01", "M02", "M03", "M04");
        await Submit(clerk, matter, "M01", "M02", "M03", "M04");

        var read = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{decided["id"].Text()}"));
        var task = read["tasks"]!.AsArray().Single()!["id"].Text();
        await HttpAssert.JsonAsync(await reviewer.PostAsync($"/api/tasks/{task}/claim", null));
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "Approve", ["comment"] = "符合条件" }));

        var row = Assert.Single(await MetricsAsync(MetricsGrouping.Matter), r => r.Key == matter);
        Assert.Equal((2, 1, 1, 1.0, 0), (row.Received, row.Completed, row.CompletedOnTime, row.OnTimeRate, row.OverdueCount));
        Assert.Equal(0, row.AverageWorkingDays); // decided on the day of acceptance
        Assert.Contains(await MetricsAsync(MetricsGrouping.Department), r => r.Key == "市市场监督管理局" && r.Completed >= 1);
    }

    [Fact]
    public async Task A_department_filter_sees_only_that_department_and_a_bad_period_is_refused()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<SupervisionMetrics>();
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        Assert.Empty(await metrics.QueryAsync(new MetricsQuery(today.AddDays(-1), today, MetricsGrouping.Matter, "某个没有办件的部门"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => metrics.QueryAsync(new MetricsQuery(today, today.AddDays(-1), MetricsGrouping.Matter, null), CancellationToken.None));
    }

    private static async Task<JsonNode> Submit(HttpClient clerk, string matter, params string[] materials) =>
        await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", Application(matter, materials)), HttpStatusCode.Created);

    private async Task<IReadOnlyList<MetricsRow>> MetricsAsync(MetricsGrouping grouping)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        return await scope.ServiceProvider.GetRequiredService<SupervisionMetrics>()
            .QueryAsync(new MetricsQuery(today.AddDays(-1), today.AddDays(1), grouping, null), CancellationToken.None);
    }
}
