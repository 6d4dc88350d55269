using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Approval.Ui.Tests;

/// <summary>The supervisor's board: an overdue case in its card, the table and the escalation log, live as simulated time moves.</summary>
[Collection(UiCollection.Name)]
public sealed class SupervisionTests(UiHost host, Browser browser)
{
    [Fact]
    public async Task An_overdue_case_shows_in_the_red_card_the_table_and_the_log_and_an_open_page_turns_it_critical()
    {
        var clerk = await host.ApiClientForAsync("clerk");
        var admin = await host.ApiClientForAsync("admin");
        var application = await SubmitFoodLicenceAsync(clerk, "东莞市督办餐饮有限公司");
        var caseNumber = application["caseNumber"]!.GetValue<string>();

        // Past the committed due date (red) but well before the statutory one (critical).
        await AdvanceToAsync(admin, DateOnly.Parse(application["committedDueDate"]!.GetValue<string>()).AddDays(1));

        var page = await browser.SignInAsync(host, "supervisor", returnUrl: "/supervision");
        var row = CaseRow(page, caseNumber);
        await Assertions.Expect(row.Locator(".level")).ToHaveTextAsync("红色预警");
        await Assertions.Expect(row.Locator(".remaining")).ToContainTextAsync("超期");
        await Assertions.Expect(row.Locator(".held-by")).ToContainTextAsync("审核人");
        await Assertions.Expect(row.Locator("a.case-link")).ToHaveAttributeAsync("href", $"/cases/{application["id"]!.GetValue<string>()}");
        Assert.True(int.Parse(await page.Locator("#count-red").InnerTextAsync()) >= 1, "the red card counts the overdue case");

        await page.ClickAsync("#card-red");
        await Assertions.Expect(page.Locator("#card-red")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#alert-table tr.alert-row [data-level]:not([data-level=red])")).ToHaveCountAsync(0);

        var redEscalation = page.Locator("#escalation-log tr.escalation-row", new() { HasText = caseNumber }).Filter(new() { HasText = "红色预警" });
        await Assertions.Expect(redEscalation).ToHaveCountAsync(1);
        await Assertions.Expect(redEscalation).ToContainTextAsync("效能监督员（市市场监督管理局）");
        await Browser.ScreenshotAsync(page, "supervision");

        // The page stays open; past the statutory due date the case turns critical on the next refresh, without a reload.
        await page.ClickAsync("#card-red");
        var lastUpdated = await page.Locator("#last-updated").InnerTextAsync();
        await AdvanceToAsync(admin, DateOnly.Parse(application["statutoryDueDate"]!.GetValue<string>()).AddDays(1));
        var slow = new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 };
        await Assertions.Expect(row.Locator(".level")).ToHaveTextAsync("严重超期", slow);
        await Assertions.Expect(page.Locator("#last-updated")).Not.ToHaveTextAsync(lastUpdated);
        await Assertions.Expect(page.Locator("#escalation-log tr.escalation-row", new() { HasText = caseNumber }).Filter(new() { HasText = "严重超期" })).ToHaveCountAsync(1);
        Assert.True(int.Parse(await page.Locator("#count-critical").InnerTextAsync()) >= 1, "the critical card counts the case");
    }

    [Fact]
    public async Task The_performance_section_shows_the_figures_the_API_gives_with_high_return_rates_flagged_red()
    {
        var clerk = await host.ApiClientForAsync("clerk");
        var supervisor = await host.ApiClientForAsync("supervisor");
        var admin = await host.ApiClientForAsync("admin");
        await SubmitFoodLicenceAsync(clerk, "东莞市统计餐饮有限公司");
        await SubmitFoodLicenceAsync(clerk, "东莞市退件餐饮有限公司", leaveOut: "M01");

        // The page opens on the last 30 days up to today on the host's (simulated) clock.
        var today = DateOnly.Parse((await admin.GetFromJsonAsync<JsonObject>("/api/admin/clock"))!["today"]!.GetValue<string>());
        var expected = (await supervisor.GetFromJsonAsync<JsonArray>($"/api/supervision/metrics?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}&groupBy=matter"))!;
        Assert.NotEmpty(expected);
        Assert.Contains(expected, r => r!["returnRateFlag"]!.GetValue<bool>());

        var page = await browser.SignInAsync(host, "supervisor", returnUrl: "/supervision");
        await Assertions.Expect(page.Locator("#metrics-table tr.metrics-row")).ToHaveCountAsync(expected.Count);
        foreach (var row in expected)
        {
            var shown = page.Locator("#metrics-table tr.metrics-row").Filter(new() { Has = page.Locator(".metrics-name", new() { HasTextString = row!["name"]!.GetValue<string>() }) });
            await Assertions.Expect(shown.Locator(".received")).ToHaveTextAsync(row["received"]!.GetValue<int>().ToString());
            await Assertions.Expect(shown.Locator(".return-rate-flag")).ToHaveCountAsync(row["returnRateFlag"]!.GetValue<bool>() ? 1 : 0);
        }

        await Assertions.Expect(page.Locator("#chart-rates svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-flag-note")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "supervision-metrics");

        await page.ClickAsync("#group-clerk");
        await Assertions.Expect(page.Locator("#metrics-table tr.metrics-row .metrics-name", new() { HasTextString = "clerk" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_sees_all_departments_and_may_pick_one()
    {
        var clerk = await host.ApiClientForAsync("clerk");
        var admin = await host.ApiClientForAsync("admin");
        var application = await SubmitFoodLicenceAsync(clerk, "东莞市全局餐饮有限公司");
        var caseNumber = application["caseNumber"]!.GetValue<string>();
        await AdvanceToAsync(admin, DateOnly.Parse(application["committedDueDate"]!.GetValue<string>()).AddDays(1));

        var page = await browser.SignInAsync(host, "admin", returnUrl: "/supervision");
        await Assertions.Expect(CaseRow(page, caseNumber)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#scope")).ToHaveCountAsync(0);

        await page.ClickAsync("#department-picker .mud-select");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "市市场监督管理局" }).ClickAsync();
        await Assertions.Expect(page.Locator("#department-picker input.mud-select-input")).ToHaveValueAsync("市市场监督管理局");
        await Assertions.Expect(CaseRow(page, caseNumber)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#board-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_clerk_is_refused_the_supervision_page()
    {
        var page = await browser.SignInAsync(host, "clerk");
        await Assertions.Expect(page.Locator("#nav-supervision")).ToHaveCountAsync(0);
        await page.GotoAsync($"{host.BaseUrl}/supervision");
        await Assertions.Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#alert-table")).ToHaveCountAsync(0);
    }

    private static ILocator CaseRow(IPage page, string caseNumber) => page.Locator("#alert-table tr.alert-row", new() { HasText = caseNumber });

    /// <summary>Receives a food business licence application with every required material, so it is accepted at once and its clock starts.</summary>
    /// <remarks>With a required material left out it is not accepted: the clerk returns it with a one-time notice.</remarks>
    private static async Task<JsonObject> SubmitFoodLicenceAsync(HttpClient clerk, string applicant, string? leaveOut = null)
    {
        var matter = (await clerk.GetFromJsonAsync<JsonObject>("/api/matters/food-business-licence"))!;
        var required = matter["materials"]!.AsArray()
            .Where(m => m!["required"]!.GetValue<bool>() && m["code"]!.GetValue<string>() != leaveOut)
            .Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"]!.GetValue<string>() })
            .ToArray();
        var response = await clerk.PostAsJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = matter["code"]!.GetValue<string>(),
            ["applicant"] = new JsonObject { ["name"] = applicant, ["idNumber"] = "91441900MA4SUPERVX" },
            ["materials"] = new JsonArray(required),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var application = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(leaveOut is null ? "Accepted" : "CorrectionRequested", application["status"]!.GetValue<string>());
        return application;
    }

    private static async Task AdvanceToAsync(HttpClient admin, DateOnly date)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/clock/advance", new JsonObject { ["to"] = date.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
