using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class AuthApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Token_ForDemoUser_CarriesRolesDepartmentAndExpiry()
    {
        var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "reviewer", password = "reviewer" });

        var token = await HttpAssert.JsonAsync(response);
        Assert.Equal(["Approver"], token["roles"]!.AsArray().Select(r => r.Text()));
        Assert.Equal(3, token["accessToken"].Text().Split('.').Length);
        var expiresAt = token["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(7), DateTimeOffset.UtcNow.AddHours(9));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"].Text());
        var me = await HttpAssert.JsonAsync(await client.GetAsync("/api/auth/me"));
        Assert.Equal("reviewer", me["userName"].Text());
        Assert.Equal("市市场监督管理局", me["department"].Text());
    }

    [Fact]
    public async Task Token_WithWrongPassword_Is401Problem()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "analyst" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Wrong user name or password", problem["detail"].Text());
    }

    [Fact]
    public async Task Token_ForUnknownUser_Is401Problem()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "nobody" });

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401Problem()
    {
        var response = await host.CreateClient().GetAsync("/api/workflow-definitions");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("bearer token", problem["detail"].Text());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_WithForgedToken_Is401Problem()
    {
        var client = host.CreateClient();
        var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { userName = "clerk", password = "clerk" })).Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;

        // Same header and claims, signature of another key: the payload says admin, the signature must not agree.
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/api/activity-types"), HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem["detail"].Text());
    }

    [Fact]
    public async Task Write_WithWrongRole_Is403ProblemNamingTheRolesNeeded()
    {
        var clerk = await host.ClientForAsync("clerk");

        var response = await clerk.PostJsonAsync("/api/workflow-definitions", FlowBuilder.SingleTask(HttpAssert.UniqueId("forbidden")).ToJsonObject());

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("BusinessAnalyst", problem["detail"].Text());
        Assert.Contains("WindowClerk", problem["detail"].Text());
    }

    private sealed record TokenResponse(string AccessToken);
}
