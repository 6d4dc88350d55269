using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class ActivityTypesApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task ActivityTypes_ForAnySignedInUser_DescribeInputsAndOutcomesInBothLanguages()
    {
        var supervisor = await host.ClientForAsync("supervisor");

        var types = (await HttpAssert.JsonAsync(await supervisor.GetAsync("/api/activity-types"))).AsArray();

        Assert.Contains(types, t => t!["type"].Text() == "Timer");
        var task = types.Single(t => t!["type"].Text() == "HumanTask")!;
        Assert.Equal("人工任务", task["displayName"]!["zh"].Text());
        Assert.Equal("Human task", task["displayName"]!["en"].Text());
        Assert.Equal(["Approve", "Reject"], task["outcomes"]!.AsArray().Select(o => o.Text()));
        Assert.True(task["dynamicOutcomes"]!.GetValue<bool>());
        var title = task["inputs"]!.AsArray().Single(i => i!["name"].Text() == "title")!;
        Assert.True(title["required"]!.GetValue<bool>());
        Assert.Equal("String", title["typeName"].Text());
        var outcomes = task["inputs"]!.AsArray().Single(i => i!["name"].Text() == "outcomes")!;
        Assert.True(outcomes["literalOnly"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(new JsonArray("Approve", "Reject"), outcomes["defaultValue"]));
    }
}
