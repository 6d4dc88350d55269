using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Ui.Tests;

/// <summary>The case view: a case's flow with the path taken and where it waits, its journal and its legal clock.</summary>
[Collection(UiCollection.Name)]
public sealed class CaseViewTests(UiHost host, Browser browser)
{
    [Fact]
    public async Task A_running_case_shows_the_path_taken_and_the_waiting_activity()
    {
        var (caseId, caseNumber) = await ReceiveFoodLicenceAsync();

        var page = await browser.SignInAsync(host, "reviewer");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync($"{host.BaseUrl}/cases");
        await page.FillAsync("#case-search input", caseNumber);
        await page.ClickAsync("#case-search-button");
        await page.ClickAsync($"#case-{caseNumber}");

        await Expect(page.Locator("#case-title")).ToContainTextAsync(caseNumber);
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("已受理");
        // Received and accepted on the spot, now waiting on the site inspection.
        await Expect(page.Locator("#case-canvas [data-activity='inspect']")).ToHaveAttributeAsync("data-highlight", "waiting");
        await Expect(page.Locator("#case-canvas [data-activity='receive']")).ToHaveAttributeAsync("data-highlight", "completed");
        await Expect(page.Locator("#case-canvas [data-activity='start']")).ToHaveAttributeAsync("data-highlight", "completed");
        await Expect(page.Locator("#case-canvas [data-activity='licence']")).ToHaveAttributeAsync("data-highlight", "none");
        await Expect(page.Locator("#case-waiting .open-task[data-activity='inspect']")).ToBeVisibleAsync();
        await Expect(page.Locator("#journal .journal-line[data-event='ActivityCompleted'][data-activity='receive']")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-canvas g.diagram-link path").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "case-view");

        await page.GetByRole(AriaRole.Tab, new() { Name = "法定时限" }).ClickAsync();
        await Expect(page.Locator("#clock-history .clock-event[data-kind='Started']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "材料与文书" }).ClickAsync();
        await Expect(page.Locator("#case-documents .case-document").First).ToBeVisibleAsync();
        Assert.NotEqual(Guid.Empty, caseId);
    }

    [Fact]
    public async Task A_user_of_another_department_neither_finds_nor_opens_the_case()
    {
        var (caseId, caseNumber) = await ReceiveFoodLicenceAsync();

        // The analyst works for 市政务服务数据管理局; the case belongs to 市市场监督管理局.
        var page = await browser.SignInAsync(host, "analyst");
        await page.GotoAsync($"{host.BaseUrl}/cases");
        await page.FillAsync("#case-search input", caseNumber);
        await page.ClickAsync("#case-search-button");
        await Expect(page.Locator("#no-cases")).ToBeVisibleAsync();
        await page.GotoAsync($"{host.BaseUrl}/cases/{caseId}");
        await Expect(page.Locator("#case-error")).ToContainTextAsync("无权查看");
    }

    /// <summary>A clerk receives a complete food-business licence application through the API.</summary>
    private async Task<(Guid Id, string CaseNumber)> ReceiveFoodLicenceAsync()
    {
        var clerk = await host.ApiClientForAsync("clerk");
        var matter = (await clerk.GetFromJsonAsync<JsonArray>("/api/matters"))!.Single(m => m!["definitionId"]!.GetValue<string>() == "food-business-licence")!;
        var materials = matter["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => new { code = m!["code"]!.GetValue<string>() }).ToArray();
        var response = await clerk.PostAsJsonAsync("/api/applications", new
        {
            matterCode = matter["code"]!.GetValue<string>(),
            applicant = new { name = "东莞市某某餐饮有限公司", idNumber = "91441900MA4XXXXX0X" },
            materials,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (Guid.Parse(created["id"]!.GetValue<string>()), created["caseNumber"]!.GetValue<string>());
    }
}
