using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;
using static Approval.Ui.Tests.Support.DesignerCanvas;
using static Microsoft.Playwright.Assertions;

namespace Approval.Ui.Tests;

/// <summary>The analyst's workflow designer: building a flow by drag and drop, the matter guide, validation, publishing, versions.</summary>
[Collection(UiCollection.Name)]
public sealed class DesignerTests(UiHost host, Browser browser)
{
    /// <summary>True when every activity node lies inside the canvas' box: the flow is in view, none cut off.</summary>
    private const string AllNodesInsideCanvas = """
        count => {
          const canvas = document.querySelector('#designer-canvas, #case-canvas').getBoundingClientRect();
          const nodes = [...document.querySelectorAll('.workflow-canvas .activity-node')];
          return nodes.length === count && nodes.every(n => {
            const r = n.getBoundingClientRect();
            return r.width > 0 && r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
          });
        }
        """;

    [Fact]
    public async Task A_seeded_matter_opens_with_every_activity_in_view()
    {
        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer");
        await page.ClickAsync("#open-food-business-licence");

        await Expect(page.Locator("#designer-title")).ToHaveTextAsync("食品经营许可（新办）");
        await Expect(page.Locator("#designer-canvas .activity-node")).ToHaveCountAsync(15);
        await page.WaitForFunctionAsync(AllNodesInsideCanvas, 15);
        await Expect(page.Locator("[data-activity='receive'] .an-title")).ToHaveTextAsync("收件即受理");
        await Expect(page.Locator("#validation-ok")).ToBeVisibleAsync();
        await Expect(page.Locator("#designer-canvas g.diagram-link path").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "designer");
        await page.GetByRole(AriaRole.Tab, new() { Name = "指南" }).ClickAsync();
        await Expect(page.Locator("#guide-code input")).ToHaveValueAsync("11441900MB2C90127M3000172011000");
        await Expect(page.Locator("#guide-materials .material-name input").First).ToHaveValueAsync("食品经营许可申请书");
        await Browser.ScreenshotAsync(page, "designer-guide");

        // Exported, it is the definition's JSON; imported under another id, it opens as a new draft.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!.AsObject();
        Assert.Equal("food-business-licence", exported["definitionId"]!.GetValue<string>());
        Assert.Equal(15, exported["root"]!["activities"]!.AsArray().Count);
        var copyId = $"ui-import-{Guid.NewGuid():N}"[..21];
        exported["definitionId"] = copyId;
        exported["name"] = "导入的副本";
        var file = Path.Combine(Path.GetTempPath(), $"{copyId}.json");
        await File.WriteAllTextAsync(file, exported.ToJsonString());
        await page.GotoAsync($"{host.BaseUrl}/designer");
        await page.ClickAsync("#import-definition");
        await page.SetInputFilesAsync("#import-file", file);
        await Expect(page.Locator("#designer-title")).ToHaveTextAsync("导入的副本");
        await Expect(page.Locator("#designer-state")).ToHaveTextAsync("草稿");
        await Expect(page.Locator("#designer-canvas .activity-node")).ToHaveCountAsync(15);
        File.Delete(file);
    }

    [Fact]
    public async Task Activities_added_by_click_and_a_link_are_deleted_again_and_validation_follows()
    {
        var definitionId = $"ui-delete-{Guid.NewGuid():N}"[..21];
        var api = await host.ApiClientForAsync("analyst");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/workflow-definitions", Flow(definitionId, "删除示例", [], []))).StatusCode);
        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer/{definitionId}");
        await Expect(page.Locator("#validation-errors [data-code='no-start']")).ToBeVisibleAsync();

        await page.ClickAsync("#add-Start");
        await Expect(page.Locator("#designer-canvas [data-activity='start1']")).ToBeVisibleAsync();
        await page.ClickAsync("#add-End");
        await Expect(page.Locator("#designer-canvas [data-activity='end1']")).ToBeVisibleAsync();
        await ConnectAsync(page, "start1", "Done", "end1", links: 1);
        await Expect(page.Locator("#validation-ok")).ToBeVisibleAsync();

        await ClickLinkAsync(page);
        await page.ClickAsync("#delete-selected");
        await Expect(page.Locator("#designer-canvas g.diagram-link")).ToHaveCountAsync(0);
        await Expect(page.Locator("#validation-errors [data-activity='end1'][data-code='unreachable']")).ToBeVisibleAsync();

        await ConnectAsync(page, "start1", "Done", "end1", links: 1);
        await SelectAsync(page, "end1");
        await page.ClickAsync("#delete-activity");
        await Expect(page.Locator("#designer-canvas [data-activity='end1']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#designer-canvas g.diagram-link")).ToHaveCountAsync(0);
        await Expect(page.Locator("#validation-errors [data-code='no-end']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_analyst_builds_a_matter_by_drag_and_drop_and_publishes_it()
    {
        var definitionId = $"ui-built-{Guid.NewGuid():N}"[..20];
        var matterCode = $"UI{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer");
        await page.ClickAsync("#new-definition");
        await page.FillAsync("#new-definition-id input", definitionId);
        await page.FillAsync("#new-definition-name input", "界面搭建的审批事项");
        await page.ClickAsync("#create-definition");
        await Expect(page.Locator("#designer-title")).ToHaveTextAsync("界面搭建的审批事项");

        // Four activities dragged from the toolbox onto the canvas.
        await DropAsync(page, "Start", 60, 200, "start1");
        await DropAsync(page, "HumanTask", 330, 200, "humanTask1");
        await DropAsync(page, "SetVariable", 600, 120, "setVariable1");
        await DropAsync(page, "End", 870, 240, "end1");
        await Expect(page.Locator("[data-code='no-start']")).ToHaveCountAsync(0);

        // Ports connected by dragging from an outcome to an input.
        await ConnectAsync(page, "start1", "Done", "humanTask1", links: 1);
        await ConnectAsync(page, "humanTask1", "Approve", "setVariable1", links: 2);
        await ConnectAsync(page, "setVariable1", "Done", "end1", links: 3);
        await ConnectAsync(page, "humanTask1", "Reject", "end1", links: 4);

        // The task's inputs: a title and the Approver role; the variable set by an expression.
        await SelectAsync(page, "humanTask1");
        await Expect(page.Locator("#activity-properties")).ToHaveAttributeAsync("data-activity", "humanTask1");
        await page.FillAsync("#input-title .input-field input", "审核申请材料");
        await page.FillAsync("#input-candidateRoles .input-field textarea >> nth=0", "Approver");
        await page.FillAsync("#activity-name input", "材料审核");
        await Expect(page.Locator("[data-activity='humanTask1'] .an-title")).ToHaveTextAsync("材料审核");
        await SelectAsync(page, "setVariable1");
        await page.FillAsync("#input-variable .input-field input", "decision");
        await page.ClickAsync("#expr-value");
        await page.FillAsync("#input-value .input-field textarea >> nth=0", "\"approved\"");

        // The variable it sets is declared on the flow; until then the validator names it.
        await Expect(page.Locator("#validation-errors")).ToContainTextAsync("decision");
        await page.GetByRole(AriaRole.Tab, new() { Name = "流程" }).ClickAsync();
        await page.ClickAsync("#add-variable");
        await page.FillAsync("#variables .variable-name input", "decision");

        // The matter guide, so the window desk can receive it.
        await FillMatterGuideAsync(page, matterCode, "界面搭建的审批事项", statutoryDays: 20, committedDays: 10, material: "申请书");
        await page.FillAsync("#preview-date", "2024-09-27");
        await Expect(page.Locator("#preview-committed")).ToHaveTextAsync("2024-10-16");
        await Expect(page.Locator("#preview-statutory")).ToHaveTextAsync("2024-10-30");

        await Expect(page.Locator("#validation-ok")).ToBeVisibleAsync();
        await page.ClickAsync("#publish");
        await Expect(page.Locator("#designer-state")).ToHaveTextAsync("已发布");
        await SelectAsync(page, "humanTask1");
        await Browser.ScreenshotAsync(page, "designer-built");

        var api = await host.ApiClientForAsync("analyst");
        var published = (await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{definitionId}?version=published"))!;
        Assert.True(published["isPublished"]!.GetValue<bool>());
        var activities = published["root"]!["activities"]!.AsArray();
        Assert.Equal(["End", "HumanTask", "SetVariable", "Start"], activities.Select(a => a!["type"]!.GetValue<string>()).Order());
        var task = activities.Single(a => a!["id"]!.GetValue<string>() == "humanTask1")!;
        Assert.Equal("审核申请材料", task["title"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["Approver"], task["candidateRoles"]!["expression"]!["value"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Scriban", activities.Single(a => a!["id"]!.GetValue<string>() == "setVariable1")!["value"]!["expression"]!["type"]!.GetValue<string>());
        var connections = published["root"]!["connections"]!.AsArray()
            .Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}:{c["target"]!["port"]}").Order();
        Assert.Equal(["humanTask1:Approve->setVariable1:In", "humanTask1:Reject->end1:In", "setVariable1:Done->end1:In", "start1:Done->humanTask1:In"], connections);

        // Published with its guide, it is a matter the window desk can receive.
        var matter = (await api.GetFromJsonAsync<JsonObject>($"/api/matters/{matterCode}"))!;
        Assert.Equal(definitionId, matter["definitionId"]!.GetValue<string>());
        Assert.Equal(10, matter["committedLimitDays"]!.GetValue<int>());
        Assert.Equal("申请书", matter["materials"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_definition_shows_its_errors_on_the_canvas_and_publishing_is_refused()
    {
        var definitionId = $"ui-invalid-{Guid.NewGuid():N}"[..22];
        var api = await host.ApiClientForAsync("analyst");
        var created = await api.PostAsJsonAsync("/api/workflow-definitions", Flow(definitionId, "缺少结束的流程",
            [Activity("start", "Start", 0), Activity("review", "HumanTask", 250)],
            [("start", "Done", "review")]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer/{definitionId}");

        await Expect(page.Locator("#validation-errors [data-code='no-end']")).ToBeVisibleAsync();
        await Expect(page.Locator("#validation-errors [data-activity='review'][data-code='missing-input']").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-activity='review'].an-has-errors .an-error-badge")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-activity='start'] .an-error-badge")).ToBeVisibleAsync();

        await page.ClickAsync("#publish");
        await Expect(page.Locator("#publish-refused")).ToContainTextAsync("发布被拒绝");
        await Expect(page.Locator("#designer-state")).ToHaveTextAsync("草稿");
        var published = await api.GetAsync($"/api/workflow-definitions/{definitionId}?version=published");
        Assert.Equal(HttpStatusCode.NotFound, published.StatusCode);
    }

    [Fact]
    public async Task Two_versions_compare_side_by_side_and_an_old_one_rolls_back_into_a_new_draft()
    {
        var definitionId = $"ui-versions-{Guid.NewGuid():N}"[..23];
        var api = await host.ApiClientForAsync("analyst");
        var v1 = Flow(definitionId, "版本示例",
            [Activity("start", "Start", 0), Activity("review", "HumanTask", 250, ("title", "String", "审核"), ("candidateRoles", "String[]", new JsonArray("Approver"))), Activity("end", "End", 500)],
            [("start", "Done", "review"), ("review", "Approve", "end"), ("review", "Reject", "end")]);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/workflow-definitions", v1)).StatusCode);
        (await api.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null)).EnsureSuccessStatusCode();
        var v2 = Flow(definitionId, "版本示例",
            [Activity("start", "Start", 0), Activity("review", "HumanTask", 250, ("title", "String", "复核"), ("candidateRoles", "String[]", new JsonArray("Approver"))),
             Activity("log", "Log", 500, ("message", "String", "已审核")), Activity("end", "End", 750)],
            [("start", "Done", "review"), ("review", "Approve", "log"), ("log", "Done", "end"), ("review", "Reject", "end")]);
        (await api.PutAsJsonAsync($"/api/workflow-definitions/{definitionId}/draft", v2)).EnsureSuccessStatusCode();

        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer/{definitionId}");
        await Expect(page.Locator("#designer-version")).ToHaveTextAsync("v2");
        await page.GetByRole(AriaRole.Tab, new() { Name = "版本" }).ClickAsync();
        await page.ClickAsync("#version-1 .version-compare input");
        await page.ClickAsync("#version-2 .version-compare input");
        await page.ClickAsync("#compare-versions");

        await Expect(page.Locator("#diff-added")).ToContainTextAsync("log");
        await Expect(page.Locator("#diff-changed")).ToContainTextAsync("title");
        await Expect(page.Locator("#diff-connections-removed")).ToContainTextAsync("review:Approve->end");
        await Expect(page.Locator("#diff-right [data-activity='log'].an-added")).ToBeVisibleAsync();
        await Expect(page.Locator("#diff-left [data-activity='review'].an-changed")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "designer-diff");
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON 文本对比" }).ClickAsync();
        await Expect(page.Locator("#diff-text tr.diff-changed").First).ToBeVisibleAsync();

        // Version 1, read-only, copied back into a new draft.
        await page.GotoAsync($"{host.BaseUrl}/designer/{definitionId}?version=1");
        await Expect(page.Locator("#read-only-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#save-draft")).ToHaveCountAsync(0);
        await page.ClickAsync("#rollback-this");
        await Expect(page.Locator("#read-only-notice")).ToHaveCountAsync(0);
        await Expect(page.Locator("#designer-canvas [data-activity='log']")).ToHaveCountAsync(0);
        var latest = (await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{definitionId}"))!;
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.DoesNotContain(latest["root"]!["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "log");
    }

    [Fact]
    public async Task A_published_matter_is_retracted_from_the_designer_after_a_confirmation()
    {
        var definitionId = $"ui-retract-{Guid.NewGuid():N}"[..22];
        var api = await host.ApiClientForAsync("analyst");
        var flow = Flow(definitionId, "停用示例",
            [Activity("start", "Start", 0), Activity("review", "HumanTask", 250, ("title", "String", "审核"), ("candidateRoles", "String[]", new JsonArray("Approver"))), Activity("end", "End", 500)],
            [("start", "Done", "review"), ("review", "Approve", "end"), ("review", "Reject", "end")]);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/workflow-definitions", flow)).StatusCode);
        (await api.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null)).EnsureSuccessStatusCode();

        var page = await AnalystPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/designer/{definitionId}");
        await Expect(page.Locator("#designer-state")).ToHaveTextAsync("已发布");

        // Cancelling changes nothing.
        await page.ClickAsync("#retract");
        await Expect(page.Locator("#retract-confirm")).ToContainTextAsync("不再受理");
        await page.ClickAsync("#retract-cancel");
        await Expect(page.Locator("#retract-confirm")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/workflow-definitions/{definitionId}?version=published")).StatusCode);

        await page.ClickAsync("#retract");
        await page.ClickAsync("#retract-confirmed");
        await Expect(page.Locator("#designer-state")).ToHaveTextAsync("已停用");
        await Expect(page.Locator("#retract")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/workflow-definitions/{definitionId}?version=published")).StatusCode);
        var start = await api.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new JsonObject());
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
    }

    private static JsonObject Flow(string definitionId, string name, JsonObject[] activities, (string From, string Port, string To)[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name,
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.From, ["port"] = c.Port },
                ["target"] = new JsonObject { ["activity"] = c.To, ["port"] = "In" },
            })]),
        },
    };

    private static JsonObject Activity(string id, string type, int x, params (string Name, string TypeName, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = 100 } } },
        };
        foreach (var (name, typeName, value) in inputs)
        {
            activity[name] = new JsonObject { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        }

        return activity;
    }

    /// <summary>Clicks the middle of the (only) link's curve, where a user clicks to select it.</summary>
    private static async Task ClickLinkAsync(IPage page)
    {
        var middle = await page.EvaluateAsync<double[]>("""
            () => {
              const path = document.querySelector('#designer-canvas g.diagram-link.attached path');
              const point = path.getPointAtLength(path.getTotalLength() / 2);
              const m = path.getScreenCTM();
              return [point.x * m.a + point.y * m.c + m.e, point.x * m.b + point.y * m.d + m.f];
            }
            """);
        await page.Mouse.ClickAsync((float)middle[0], (float)middle[1]);
    }

    private async Task<IPage> AnalystPageAsync()
    {
        var page = await browser.SignInAsync(host, "analyst");
        await page.SetViewportSizeAsync(1920, 1080);
        return page;
    }
}
