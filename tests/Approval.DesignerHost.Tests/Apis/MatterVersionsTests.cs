using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>A matter's guide and workflow are versioned together: a case keeps what it was accepted under, and the guide's
/// lifecycle (suspended, cancelled, not yet in effect) decides whether applications are taken.</summary>
[Collection(HostCollection.Name)]
public sealed class MatterVersionsTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task A_new_version_leaves_running_cases_on_the_old_one()
    {
        var clerk = await host.ClientForAsync("clerk");
        var analyst = await host.ClientForAsync("analyst");
        var code = await host.PublishFoodMatterAsync();
        var before = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);

        // Version 2 commits to 5 working days instead of 10.
        await PublishChangedGuideAsync(analyst, code, guide => guide["committedLimitDays"] = 5);
        var after = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);

        var old = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{before["id"].Text()}"));
        var fresh = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{after["id"].Text()}"));
        Assert.Equal(1, old["matterVersion"]!.GetValue<int>());
        Assert.Equal(2, fresh["matterVersion"]!.GetValue<int>());
        Assert.Equal(before["committedDueDate"].Text(), old["committedDueDate"].Text());
        Assert.True(DateOnly.Parse(fresh["committedDueDate"].Text()) < DateOnly.Parse(old["committedDueDate"].Text()));
        Assert.Single(old["tasks"]!.AsArray()); // the old case still waits on the task its version opened
    }

    [Theory]
    [InlineData("suspended", null, null, "suspended")]
    [InlineData("cancelled", null, null, "cancelled")]
    [InlineData("new", "2099-01-01", null, "takes effect on 2099-01-01")]
    [InlineData("active", "2020-01-01", "2021-01-01", "cancelled with effect from 2021-01-01")]
    public async Task A_guide_out_of_effect_takes_no_applications_and_says_why(string state, string? from, string? until, string reason)
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync(guide =>
        {
            guide["state"] = state;
            guide["effectiveFrom"] = from;
            guide["effectiveUntil"] = until;
        });

        var problem = await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Conflict);
        Assert.Contains(reason, problem["detail"].Text());
    }

    [Fact]
    public async Task A_new_guide_whose_effective_date_has_come_takes_applications()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync(guide =>
        {
            guide["state"] = "new";
            guide["effectiveFrom"] = "2020-01-01";
        });

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        Assert.Equal("Accepted", created["status"].Text());
    }

    private static async Task PublishChangedGuideAsync(HttpClient analyst, string definitionId, Action<JsonObject> change)
    {
        var latest = (await HttpAssert.JsonAsync(await analyst.GetAsync($"/api/workflow-definitions/{definitionId}?version=latest"))).AsObject();
        var definition = (JsonObject)(latest["definition"] ?? latest).DeepClone();
        change(definition["customProperties"]!["matter"]!.AsObject());
        await HttpAssert.JsonAsync(await analyst.PutAsync($"/api/workflow-definitions/{definitionId}/draft", System.Net.Http.Json.JsonContent.Create(definition)));
        await HttpAssert.JsonAsync(await analyst.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null));
    }
}
