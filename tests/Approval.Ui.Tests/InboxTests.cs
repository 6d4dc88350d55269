using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Approval.Ui.Tests;

/// <summary>The approver's inbox and task page, on food business licence cases received through the API.</summary>
[Collection(UiCollection.Name)]
public sealed class InboxTests(UiHost host, Browser browser)
{
    // A Blazor round trip on a shared 2-core machine can take longer than Playwright's 5 s default.
    static InboxTests() => Assertions.SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task A_reviewer_claims_the_inspection_decides_it_and_the_case_moves_on_to_review()
    {
        var (applicationId, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市核查餐饮有限公司");
        var page = await browser.SignInAsync(host, "reviewer", returnUrl: "/inbox");

        await page.ClickAsync("#tab-candidate");
        await Assertions.Expect(page.Locator("#tab-candidate")).ToHaveAttributeAsync("aria-selected", "true");
        var row = page.Locator($"tr[data-case='{caseNumber}']");
        await Assertions.Expect(row).ToContainTextAsync("现场核查");
        await Assertions.Expect(row).ToContainTextAsync("食品经营许可（新办）");
        await Assertions.Expect(row).ToContainTextAsync("待认领");
        await WindowDeskTests.ScreenshotAsync(page, "inbox");
        await row.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();

        await page.ClickAsync("#tab-mine");
        var mine = page.Locator($"tr[data-case='{caseNumber}']");
        await Assertions.Expect(mine).ToContainTextAsync("reviewer");
        await mine.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.Locator("#task-case-number")).ToContainTextAsync(caseNumber);
        await Assertions.Expect(page.Locator("#applicant-name")).ToHaveTextAsync("东莞市核查餐饮有限公司");
        await Assertions.Expect(page.Locator("#case-clock")).ToContainTextAsync("剩余工作日");
        await Assertions.Expect(page.Locator("#case-materials")).ToContainTextAsync("已收");
        await Assertions.Expect(page.FrameLocator("#document-frame").GetByText("受理通知书").First).ToBeVisibleAsync();
        await page.FillAsync("#task-comment", "经营场所、设施设备与申请材料一致。");
        await WindowDeskTests.ScreenshotAsync(page, "task");
        await page.ClickAsync("#outcome-Passed");

        await Assertions.Expect(page.Locator("#task-message")).ToContainTextAsync("核查通过");
        await Assertions.Expect(page.Locator("#task-outcome")).ToContainTextAsync("核查通过");
        await Assertions.Expect(page.Locator("#outcome-Passed")).ToHaveCountAsync(0);

        // The case has moved on: the inspection is done and the review decision waits for an approver.
        var reviewer = await host.ApiClientForAsync("reviewer");
        var view = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/applications/{applicationId}"))!;
        var tasks = view["tasks"]!.AsArray();
        Assert.Contains(tasks, t => t!["activityType"]!.GetValue<string>() == "SpecialProcedure" && t["status"]!.GetValue<string>() == "Completed" && t["outcome"]!.GetValue<string>() == "Passed");
        Assert.Contains(tasks, t => t!["activityType"]!.GetValue<string>() == "ApprovalTask" && t["status"]!.GetValue<string>() == "Open");
        Assert.Equal("InReview", view["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_task_appears_in_an_open_inbox_without_a_reload()
    {
        var page = await browser.SignInAsync(host, "reviewer", returnUrl: "/inbox");
        await page.ClickAsync("#tab-candidate");
        await Assertions.Expect(page.Locator("#inbox-table")).ToBeVisibleAsync();

        var (_, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市刷新餐饮有限公司");

        await Assertions.Expect(page.Locator($"tr[data-case='{caseNumber}']")).ToContainTextAsync("现场核查", new() { Timeout = 40_000 });
    }

    [Fact]
    public async Task Deciding_a_task_someone_already_decided_shows_the_conflict()
    {
        var (_, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市冲突餐饮有限公司");
        var reviewer = await host.ApiClientForAsync("reviewer");
        var taskId = await CandidateTaskIdAsync(reviewer, caseNumber);
        var page = await browser.SignInAsync(host, "reviewer", returnUrl: $"/inbox/{taskId}");
        await Assertions.Expect(page.Locator("#outcome-Passed")).ToBeVisibleAsync();

        // Someone else decides it from another screen first.
        (await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Passed" })).EnsureSuccessStatusCode();
        await page.ClickAsync("#outcome-Failed");

        await Assertions.Expect(page.Locator("#task-error")).ToContainTextAsync("办件状态已变化");
        await Assertions.Expect(page.Locator("#task-outcome")).ToContainTextAsync("核查通过");
    }

    [Fact]
    public async Task A_clerk_may_urge_a_reviewers_task_but_not_decide_it()
    {
        var (_, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市催办餐饮有限公司");
        var taskId = await CandidateTaskIdAsync(await host.ApiClientForAsync("reviewer"), caseNumber);
        var page = await browser.SignInAsync(host, "clerk", returnUrl: $"/inbox/{taskId}");

        await Assertions.Expect(page.Locator("#task-readonly")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#outcome-Passed")).ToHaveCountAsync(0);
        await page.ClickAsync("#urge-task");
        await Assertions.Expect(page.Locator("#task-message")).ToContainTextAsync("已催办");
    }

    [Fact]
    public async Task A_transferred_task_leaves_my_inbox_for_the_colleague_picked()
    {
        var (_, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市转办餐饮有限公司");
        var reviewer = await host.ApiClientForAsync("reviewer");
        var taskId = await CandidateTaskIdAsync(reviewer, caseNumber);
        (await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null)).EnsureSuccessStatusCode();
        var page = await browser.SignInAsync(host, "reviewer", returnUrl: $"/inbox/{taskId}");

        await page.ClickAsync("#transfer-to");
        await page.GetByRole(AriaRole.Option, new() { Name = "chief" }).ClickAsync();
        await page.ClickAsync("#transfer-task");

        await Assertions.Expect(page.Locator("#task-message")).ToContainTextAsync("已转办给 chief");
        await Assertions.Expect(page.Locator("#task-holder")).ToContainTextAsync("chief");
        var chief = await host.ApiClientForAsync("chief");
        var chiefs = (await chief.GetFromJsonAsync<JsonArray>("/api/tasks?scope=mine"))!;
        Assert.Contains(chiefs, t => t!["id"]!.GetValue<string>() == taskId);
    }

    [Fact]
    public async Task A_review_returned_to_the_inspection_reopens_the_inspection()
    {
        var (applicationId, caseNumber) = await ReceiveCompleteApplicationAsync("东莞市退回餐饮有限公司");
        var reviewer = await host.ApiClientForAsync("reviewer");
        var inspection = await CandidateTaskIdAsync(reviewer, caseNumber);
        (await reviewer.PostAsJsonAsync($"/api/tasks/{inspection}/complete", new { outcome = "Passed" })).EnsureSuccessStatusCode();
        var review = await CandidateTaskIdAsync(reviewer, caseNumber);
        var page = await browser.SignInAsync(host, "reviewer", returnUrl: $"/inbox/{review}");
        await Assertions.Expect(page.Locator("#task-title")).ToContainTextAsync("审查决定");

        await page.ClickAsync("#claim-task");
        await Assertions.Expect(page.Locator("#task-holder")).ToContainTextAsync("reviewer");
        await page.ClickAsync("#return-to");
        await page.GetByRole(AriaRole.Option, new() { Name = "特别程序：现场核查" }).ClickAsync();
        await page.FillAsync("#task-comment", "平面布局图与现场不符，请重新核查。");
        await page.ClickAsync("#return-task");

        await Assertions.Expect(page.Locator("#task-message")).ToContainTextAsync("已退回");
        await Assertions.Expect(page.Locator("#task-outcome")).ToContainTextAsync("退回");
        var view = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/applications/{applicationId}"))!;
        var inspections = view["tasks"]!.AsArray().Where(t => t!["activityType"]!.GetValue<string>() == "SpecialProcedure").ToList();
        Assert.Equal(2, inspections.Count);
        Assert.Contains(inspections, t => t!["status"]!.GetValue<string>() == "Open");
    }

    private async Task<(string Id, string CaseNumber)> ReceiveCompleteApplicationAsync(string applicant)
    {
        var clerk = await host.ApiClientForAsync("clerk");
        var matter = (await clerk.GetFromJsonAsync<JsonObject>("/api/matters/11441900MB2C90127M3000172011000"))!;
        var materials = new JsonArray([.. matter["materials"]!.AsArray().Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"]!.GetValue<string>() })]);
        var response = await clerk.PostAsJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = matter["code"]!.GetValue<string>(),
            ["applicant"] = new JsonObject { ["name"] = applicant, ["idNumber"] = "91441900MA4XXXXX0X", ["phone"] = "0769-22000000" },
            ["materials"] = materials,
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Accepted", created["status"]!.GetValue<string>());
        return (created["id"]!.GetValue<string>(), created["caseNumber"]!.GetValue<string>());
    }

    private static async Task<string> CandidateTaskIdAsync(HttpClient reviewer, string caseNumber)
    {
        var pool = (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!;
        return pool.Single(t => t!["caseNumber"]!.GetValue<string>() == caseNumber)!["id"]!.GetValue<string>();
    }
}
