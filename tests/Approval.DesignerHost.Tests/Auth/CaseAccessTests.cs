using System.Net;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>Whose cases a user may read and act on: the competent department's, the receiving office's (全市通办), an
/// administrator's all — never another department's, whichever route names the case.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseAccessTests(ApprovalHostFactory host)
{
    private const string Elsewhere = "东莞市市场监督管理局松山湖分局";

    [Fact]
    public async Task A_case_is_open_to_its_department_and_the_admin_and_closed_to_another_department_on_every_route()
    {
        var matter = await host.PublishFoodMatterAsync();
        var clerk = await host.ClientForAsync("clerk");
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(matter, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        var id = created["id"].Text();
        var document = created["documents"]![0]!["id"].Text();
        string[] reads = [$"/api/applications/{id}", $"/api/workflow-instances/{id}", $"/api/workflow-instances/{id}/documents", $"/api/workflow-instances/{id}/documents/verify", $"/api/applications/{id}/documents/{document}", $"/api/documents/{document}"];

        foreach (var user in new[] { "supervisor", "reviewer", "admin" })
        {
            var client = await host.ClientForAsync(user);
            foreach (var route in reads)
            {
                Assert.True((await client.GetAsync(route)).StatusCode == HttpStatusCode.OK, $"{user} should read {route}");
            }
        }

        // The analyst works for the data bureau: every route refuses, and says why.
        var analyst = await host.ClientForAsync("analyst");
        foreach (var route in reads)
        {
            var problem = await HttpAssert.ProblemAsync(await analyst.GetAsync(route), HttpStatusCode.Forbidden);
            Assert.Contains("市市场监督管理局", problem["detail"].Text());
        }

        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"/api/workflow-instances/{id}/cancel", new System.Text.Json.Nodes.JsonObject()), HttpStatusCode.Forbidden);
        Assert.Equal("Accepted", (await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{id}")))["status"].Text());
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"/api/applications/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_office_that_received_a_case_of_another_department_keeps_sight_of_it()
    {
        var matter = await host.PublishFoodMatterAsync(guide => guide["department"] = Elsewhere);
        var directory = host.Services.GetRequiredService<UserDirectory>();
        var competent = $"reviewer-{Guid.NewGuid():N}"[..18];
        var outsider = $"clerk-{Guid.NewGuid():N}"[..15];
        directory.Add(new DirectoryUser(competent, "分局审核人", Elsewhere, [Roles.Approver]), competent);
        directory.Add(new DirectoryUser(outsider, "区窗口受理员", "东莞市南城街道便民服务中心", [Roles.WindowClerk]), outsider);

        var clerk = await host.ClientForAsync("clerk");
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(matter, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        var route = $"/api/applications/{created["id"].Text()}";

        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.ClientForAsync(competent)).GetAsync(route)).StatusCode);
        await HttpAssert.ProblemAsync(await (await host.ClientForAsync(outsider)).GetAsync(route), HttpStatusCode.Forbidden);
    }
}
