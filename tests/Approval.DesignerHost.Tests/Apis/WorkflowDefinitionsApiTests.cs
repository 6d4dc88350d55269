using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class WorkflowDefinitionsApiTests(ApprovalHostFactory host)
{
    private const string Definitions = "/api/workflow-definitions";

    [Fact]
    public async Task Lifecycle_CreateSavePublishEditRetract_KeepsVersionsAndFlagsStraight()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("life");

        var createdResponse = await analyst.PostJsonAsync(Definitions, FlowBuilder.SingleTask(id, title: "初审").ToJsonObject());
        var created = await HttpAssert.JsonAsync(createdResponse, HttpStatusCode.Created);
        Assert.Equal($"{Definitions}/{id}", createdResponse.Headers.Location?.OriginalString);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.True(created["isLatest"]!.GetValue<bool>());
        Assert.False(created["isPublished"]!.GetValue<bool>());
        Assert.Equal("analyst", created["createdBy"].Text());

        // Saving an unpublished draft overwrites it; the body may leave out the id the route already gives.
        var renamed = FlowBuilder.SingleTask(id, title: "复审").ToJsonObject();
        renamed.Remove("definitionId");
        renamed["name"] = "改名后";
        var saved = await HttpAssert.JsonAsync(await analyst.PutAsync($"{Definitions}/{id}/draft", JsonContent.Create(renamed)));
        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.Equal("改名后", saved["name"].Text());

        var published = await HttpAssert.JsonAsync(await analyst.PostAsync($"{Definitions}/{id}/publish", null));
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.NotNull(published["publishedAt"]);

        var asPublished = await HttpAssert.JsonAsync(await analyst.GetAsync($"{Definitions}/{id}?version=published"));
        Assert.Equal(1, asPublished["version"]!.GetValue<int>());
        Assert.Equal("Flowchart", asPublished["root"]!["type"].Text());
        var task = asPublished["root"]!["activities"]!.AsArray().Single(a => a!["id"].Text() == "task")!;
        Assert.Equal("复审", task["title"]!["expression"]!["value"].Text());
        Assert.Equal(3, asPublished["root"]!["connections"]!.AsArray().Count);

        // Editing a published version makes the next version; the published one stays as it was.
        await HttpAssert.JsonAsync(await analyst.PutAsync($"{Definitions}/{id}/draft", JsonContent.Create(FlowBuilder.SingleTask(id, title: "终审").ToJsonObject())));
        var versions = (await HttpAssert.JsonAsync(await analyst.GetAsync($"{Definitions}/{id}/versions"))).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal([true, false], versions.Select(v => v!["isLatest"]!.GetValue<bool>()));
        Assert.Equal([false, true], versions.Select(v => v!["isPublished"]!.GetValue<bool>()));
        var latest = await HttpAssert.JsonAsync(await analyst.GetAsync($"{Definitions}/{id}"));
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.False(latest["isPublished"]!.GetValue<bool>());
        var v1 = await HttpAssert.JsonAsync(await analyst.GetAsync($"{Definitions}/{id}?version=1"));
        Assert.Equal("复审", v1["root"]!["activities"]!.AsArray().Single(a => a!["id"].Text() == "task")!["title"]!["expression"]!["value"].Text());

        var list = (await HttpAssert.JsonAsync(await analyst.GetAsync(Definitions))).AsArray();
        var listed = list.Single(d => d!["definitionId"].Text() == id)!;
        Assert.Equal(2, listed["version"]!.GetValue<int>());
        Assert.True(listed["isLatest"]!.GetValue<bool>());

        var retracted = await HttpAssert.JsonAsync(await analyst.PostAsync($"{Definitions}/{id}/retract", null));
        Assert.Equal(1, retracted["version"]!.GetValue<int>());
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"{Definitions}/{id}?version=published"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await analyst.PostAsync($"{Definitions}/{id}/retract", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rollback_ToAnOldVersion_CopiesItIntoTheDraft()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("rollback");
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync(Definitions, FlowBuilder.SingleTask(id, title: "第一版").ToJsonObject()), HttpStatusCode.Created);
        await HttpAssert.JsonAsync(await analyst.PostAsync($"{Definitions}/{id}/publish", null));
        await HttpAssert.JsonAsync(await analyst.PutAsync($"{Definitions}/{id}/draft", JsonContent.Create(FlowBuilder.SingleTask(id, title: "第二版").ToJsonObject())));

        var draft = await HttpAssert.JsonAsync(await analyst.PostJsonAsync($"{Definitions}/{id}/rollback", new JsonObject { ["version"] = 1 }));

        Assert.Equal(2, draft["version"]!.GetValue<int>());
        Assert.False(draft["isPublished"]!.GetValue<bool>());
        Assert.Equal("第一版", draft["root"]!["activities"]!.AsArray().Single(a => a!["id"].Text() == "task")!["title"]!["expression"]!["value"].Text());
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"{Definitions}/{id}/rollback", new JsonObject { ["version"] = 9 }), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await analyst.PostJsonAsync($"{Definitions}/{id}/rollback", new JsonObject()), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_Twice_Is409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var definition = FlowBuilder.SingleTask(HttpAssert.UniqueId("twice")).ToJsonObject();
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync(Definitions, definition), HttpStatusCode.Created);

        var problem = await HttpAssert.ProblemAsync(await analyst.PostJsonAsync(Definitions, definition), HttpStatusCode.Conflict);

        Assert.Contains("already exists", problem["detail"].Text());
    }

    [Fact]
    public async Task Publish_InvalidDraft_Is422WithErrorsLocatedAtActivityAndInput()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("invalid");
        var broken = new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("check", "Decision")
            .Activity("task", "HumanTask", ("title", "无人办理"))
            .Activity("end", "End")
            .Connect("start", "check")
            .Connect("check", "task", "True")
            .Connect("check", "end", "False")
            .Connect("task", "end", "Approve")
            .Connect("task", "end", "Reject");
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync(Definitions, broken.ToJsonObject()), HttpStatusCode.Created);

        var problem = await HttpAssert.ProblemAsync(await analyst.PostAsync($"{Definitions}/{id}/publish", null), HttpStatusCode.UnprocessableEntity);

        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["code"].Text() == "missing-input" && e["activityId"].Text() == "check" && e["input"].Text() == "condition");
        Assert.Contains(errors, e => e!["code"].Text() == "missing-input" && e["activityId"].Text() == "task" && e["input"].Text() == "assignee");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e!["message"].Text())));
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"{Definitions}/{id}?version=published"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_MalformedJson_Is400ProblemAndStoresNothing()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("malformed");

        var response = await analyst.PostTextAsync(Definitions, $$"""{"definitionId": "{{id}}", "root": {"type": "Flowchart", "activities": [""");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem["detail"].Text());
        Assert.Equal("malformed", problem["errors"]![0]!["code"].Text());
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"{Definitions}/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"{Definitions}/{id}/versions"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WrongShape_Is400ListingEveryProblem()
    {
        var analyst = await host.ClientForAsync("analyst");

        var response = await analyst.PostJsonAsync(Definitions, new JsonObject { ["name"] = "no id", ["root"] = new JsonObject { ["activities"] = new JsonArray(new JsonObject { ["id"] = "a" }) } });

        var errors = (await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["code"].Text() == "missing-field");
        Assert.Contains(errors, e => e!["code"].Text() == "invalid-activity" && e["activityId"].Text() == "a");
    }

    [Fact]
    public async Task SaveDraft_WithAnotherIdInTheBody_Is400()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("route");

        var response = await analyst.PutAsync($"{Definitions}/{id}/draft", JsonContent.Create(FlowBuilder.SingleTask("someone-else").ToJsonObject()));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("someone-else", problem["detail"].Text());
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"{Definitions}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validate_AnswersValidityWithLocatedErrors_EvenForUnreadableJson()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        var valid = await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"{Definitions}/validate", FlowBuilder.SingleTask("v-ok").ToJsonObject()));
        Assert.True(valid["valid"]!.GetValue<bool>());
        Assert.Empty(valid["errors"]!.AsArray());

        var badScriban = new FlowBuilder("v-bad")
            .Activity("start", "Start")
            .Activity("log", "Log", ("message", FlowBuilder.Scriban("1 +")))
            .Activity("end", "End")
            .Chain("start", "log", "end");
        var invalid = await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"{Definitions}/validate", badScriban.ToJsonObject()));
        Assert.False(invalid["valid"]!.GetValue<bool>());
        var error = Assert.Single(invalid["errors"]!.AsArray())!;
        Assert.Equal("expression-syntax", error["code"].Text());
        Assert.Equal("log", error["activityId"].Text());
        Assert.Equal("message", error["input"].Text());

        var unreadable = await HttpAssert.JsonAsync(await reviewer.PostTextAsync($"{Definitions}/validate", "{ not json"));
        Assert.False(unreadable["valid"]!.GetValue<bool>());
        Assert.Equal("malformed", unreadable["errors"]![0]!["code"].Text());
    }

    [Fact]
    public async Task Get_UnknownDefinitionOrBadVersion_IsProblem()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        await HttpAssert.ProblemAsync(await reviewer.GetAsync($"{Definitions}/no-such-definition"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await reviewer.GetAsync($"{Definitions}/demo-approval?version=newest"), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await reviewer.PostAsync($"{Definitions}/no-such-definition/publish", null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DemoDefinition_IsSeededPublished()
    {
        var reviewer = await host.ClientForAsync("reviewer");

        var demo = await HttpAssert.JsonAsync(await reviewer.GetAsync($"{Definitions}/demo-approval?version=published"));

        Assert.True(demo["isPublished"]!.GetValue<bool>());
        Assert.Contains(demo["root"]!["activities"]!.AsArray(), a => a!["type"].Text() == "HumanTask");
    }
}
