using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>A case's audit trail and its verification through the API: who may read them, what they show, and a row edited in the database found.</summary>
[Collection(HostCollection.Name)]
public sealed class AuditApiTests(ApprovalHostFactory host)
{
    /// <summary>A food-business-licence case (the supervisor's department) received at the window and reviewed with a comment.</summary>
    private async Task<string> ReceiveAndReviewAsync()
    {
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var food = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters/food-business-licence"));
        var required = food["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"].Text() }).ToArray();
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = food["code"].Text(),
            ["applicant"] = new JsonObject { ["name"] = "东莞市审计餐饮有限公司", ["idNumber"] = "91441900MA4AUDITXX" },
            ["materials"] = new JsonArray(required),
        }), HttpStatusCode.Created);
        var id = created["id"].Text();
        var task = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/tasks?scope=candidate"))).AsArray().Single(t => t!["applicationId"].Text() == id)!;
        await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{task["id"].Text()}/complete", new JsonObject { ["outcome"] = "Passed", ["comment"] = "受理审查通过" }));
        return id;
    }

    [Fact]
    public async Task CaseTrail_SupervisorOfTheDepartment_SeesActorsAndBeforeAfter_AndTheCaseVerifies()
    {
        var id = await ReceiveAndReviewAsync();
        var supervisor = await host.ClientForAsync("supervisor");

        var trail = await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/workflow-instances/{id}/audit"));
        var entries = trail["entries"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, entries.Count), entries.Select(e => e!["sequence"]!.GetValue<int>()));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e!["hash"].Text()));
        var decision = entries.Single(e => e!["event"].Text() == "BookmarkResumed" && e["actor"]?.GetValue<string>() == "reviewer")!;
        Assert.Equal("Passed", decision["after"]!["outcome"].Text());
        Assert.Equal("受理审查通过", decision["after"]!["comment"].Text());
        var started = entries.First(e => e!["event"].Text() == "InstanceSuspended")!;
        Assert.Null(started["before"]!["status"]);
        Assert.Equal("Suspended", started["after"]!["status"].Text());

        var verified = await HttpAssert.JsonAsync(await supervisor.PostAsync($"/api/workflow-instances/{id}/audit/verify", null));
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(entries.Count, verified["entries"]!.GetValue<int>());
        Assert.True(verified["caseFile"]!["intact"]!.GetValue<bool>());
        Assert.True(verified["caseFile"]!["documents"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task CaseTrail_JournalRowEditedInTheDatabase_VerifyNamesThatRow()
    {
        var id = await ReceiveAndReviewAsync();
        var admin = await host.ClientForAsync("admin");
        var journal = (await HttpAssert.JsonAsync(await admin.GetAsync($"/api/workflow-instances/{id}/audit")))["entries"]!.AsArray();
        var decision = journal.Single(e => e!["event"].Text() == "BookmarkResumed" && e["actor"]?.GetValue<string>() == "reviewer")!["sequence"]!.GetValue<int>();

        // Someone puts another reviewer's name on the decision.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "approval.db")}"))
        {
            await db.OpenAsync();
            var update = db.CreateCommand();
            update.CommandText = """
                UPDATE "JournalSegments" SET "Lines" = json_set("Lines", '$[' || ($sequence - "FirstSequence") || '].actor', 'chief')
                WHERE "InstanceId" = $id AND $sequence BETWEEN "FirstSequence" AND "LastSequence"
                """;
            update.Parameters.AddWithValue("$id", id.ToUpperInvariant());
            update.Parameters.AddWithValue("$sequence", decision);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var verified = await HttpAssert.JsonAsync(await admin.PostAsync($"/api/workflow-instances/{id}/audit/verify", null));
        Assert.False(verified["intact"]!.GetValue<bool>());
        var finding = Assert.Single(verified["findings"]!.AsArray())!;
        Assert.Equal(decision, finding["sequence"]!.GetValue<int>());
        Assert.Contains("changed after it was written", finding["problem"].Text());
    }

    [Fact]
    public async Task CaseTrail_OutsideTheSupervisorsDepartment_Forbidden_AdminAllowed_UnknownNotFound()
    {
        // A case of another bureau, received by the admin's office: nothing ties it to the supervisor's department.
        var matter = await host.PublishFoodMatterAsync(guide => guide["department"] = "市住房和城乡建设局");
        var admin = await host.ClientForAsync("admin");
        var created = await HttpAssert.JsonAsync(await admin.PostJsonAsync("/api/applications", MatterSamples.Application(matter, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        var id = created["id"].Text();
        var supervisor = await host.ClientForAsync("supervisor");

        await HttpAssert.ProblemAsync(await supervisor.GetAsync($"/api/workflow-instances/{id}/audit"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await supervisor.PostAsync($"/api/workflow-instances/{id}/audit/verify", null), HttpStatusCode.Forbidden);
        Assert.True((await HttpAssert.JsonAsync(await admin.PostAsync($"/api/workflow-instances/{id}/audit/verify", null)))["intact"]!.GetValue<bool>());
        await HttpAssert.ProblemAsync(await admin.GetAsync($"/api/workflow-instances/{Guid.NewGuid()}/audit"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminTrail_ShowsTheDefinitionPublishWithItsActor_AndVerifies()
    {
        var analyst = await host.ClientForAsync("analyst");
        var flow = HttpAssert.UniqueId("audit-publish");
        await analyst.PublishAsync(FlowBuilder.SingleTask(flow));
        var admin = await host.ClientForAsync("admin");

        var entries = (await HttpAssert.JsonAsync(await admin.GetAsync($"/api/admin/audit?subject=definition:{flow}"))).AsArray();

        Assert.Equal(["definition.publish", "definition.create"], entries.Select(e => e!["action"].Text()));
        Assert.All(entries, e => Assert.Equal("analyst", e!["actor"].Text()));
        Assert.False(entries[0]!["before"]!["published"]!.GetValue<bool>());
        Assert.True(entries[0]!["after"]!["published"]!.GetValue<bool>());
        Assert.True((await HttpAssert.JsonAsync(await admin.PostAsync("/api/admin/audit/verify", null)))["intact"]!.GetValue<bool>());
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/admin/audit?max=0"), HttpStatusCode.BadRequest);
    }
}
