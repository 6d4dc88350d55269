using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class HostBehaviourTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Health_IsOpenToEveryone()
    {
        var response = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiAndItsBearerScheme()
    {
        var document = await HttpAssert.JsonAsync(await host.CreateClient().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/auth/token"));
        Assert.True(paths.ContainsKey("/api/workflow-definitions/{definitionId}/publish"));
        Assert.True(paths.ContainsKey("/api/work-items/{workItemId}/complete"));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"].Text());
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_Is413Problem()
    {
        var analyst = await host.ClientForAsync("analyst");
        var huge = new JsonObject { ["definitionId"] = "huge", ["padding"] = new string('x', 1_200_000) };

        // Streamed (no Content-Length): caught while reading. Declared length: refused before reading.
        var streamed = await HttpAssert.ProblemAsync(await analyst.PostJsonAsync("/api/workflow-definitions/validate", huge), HttpStatusCode.RequestEntityTooLarge);
        var declared = await HttpAssert.ProblemAsync(await analyst.PostTextAsync("/api/work-items/" + Guid.NewGuid() + "/complete", huge.ToJsonString()), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("larger than", streamed["detail"].Text());
        Assert.Contains("larger than", declared["detail"].Text());
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        var analyst = await host.ClientForAsync("analyst");

        await HttpAssert.ProblemAsync(await analyst.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }
}
