using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>A fresh host lists the shipped demo catalogue, and a case for the seeded food licence runs from the window to the inspector's inbox.</summary>
[Collection(HostCollection.Name)]
public sealed class SeededCatalogueTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task FreshHost_ListsTheDemoMatters_AndAFoodLicenceCaseReachesTheInspector()
    {
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var matters = (await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters"))).AsArray();
        foreach (var definitionId in new[] { "food-business-licence", "medical-device-class1-filing", "hearing-matter", "informed-commitment-matter" })
        {
            Assert.Contains(matters, m => m!["definitionId"].Text() == definitionId);
        }

        var food = matters.Single(m => m!["definitionId"].Text() == "food-business-licence")!;
        var required = food["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"].Text() }).ToArray();
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = food["code"].Text(),
            ["applicant"] = new JsonObject { ["name"] = "东莞市某某餐饮有限公司", ["idNumber"] = "91441900MA4XXXXX0X" },
            ["materials"] = new JsonArray(required),
        }), HttpStatusCode.Created);

        Assert.Equal("Accepted", created["status"].Text());
        var inbox = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/tasks?scope=candidate"))).AsArray();
        var inspection = Assert.Single(inbox, t => t!["applicationId"].Text() == created["id"].Text())!;
        Assert.Equal("SpecialProcedure", inspection["activityType"].Text());
    }
}
