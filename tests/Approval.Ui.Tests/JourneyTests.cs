using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;
using static Approval.Ui.Tests.Support.DesignerCanvas;
using static Microsoft.Playwright.Assertions;

namespace Approval.Ui.Tests;

/// <summary>The whole system through the browser, one person after another: an analyst designs and publishes a matter, a
/// clerk receives two applications for it, an approver decides one from the inbox, and once simulated time has run past
/// the committed due date the supervisor sees the other overdue.</summary>
[Collection(UiCollection.Name)]
public sealed class JourneyTests(UiHost host, Browser browser)
{
    static JourneyTests() => SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task A_matter_designed_in_the_browser_is_received_approved_and_its_overdue_case_reaches_the_supervisor()
    {
        var definitionId = $"journey-{Guid.NewGuid():N}"[..20];
        var matterCode = $"JY{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        const string matterName = "旅程测试：户外广告设置备案";

        // The analyst: four activities dragged onto the canvas, linked, configured and published with the matter's guide.
        var analyst = await browser.SignInAsync(host, "analyst");
        await analyst.SetViewportSizeAsync(1920, 1080);
        await analyst.GotoAsync($"{host.BaseUrl}/designer");
        await analyst.ClickAsync("#new-definition");
        await analyst.FillAsync("#new-definition-id input", definitionId);
        await analyst.FillAsync("#new-definition-name input", matterName);
        await analyst.ClickAsync("#create-definition");
        await DropAsync(analyst, "Start", 60, 220, "start1");
        await DropAsync(analyst, "AcceptOnReceipt", 320, 220, "acceptOnReceipt1");
        await DropAsync(analyst, "ApprovalTask", 620, 160, "approvalTask1");
        await DropAsync(analyst, "End", 900, 260, "end1");
        await ConnectAsync(analyst, "start1", "Done", "acceptOnReceipt1", links: 1);
        await ConnectAsync(analyst, "acceptOnReceipt1", "Accepted", "approvalTask1", links: 2);
        await ConnectAsync(analyst, "approvalTask1", "Approve", "end1", links: 3);
        await ConnectAsync(analyst, "approvalTask1", "Reject", "end1", links: 4);
        await SelectAsync(analyst, "approvalTask1");
        await analyst.FillAsync("#input-title .input-field input", "备案审核");
        await analyst.FillAsync("#input-candidateRoles .input-field textarea >> nth=0", "Approver");
        await FillMatterGuideAsync(analyst, matterCode, matterName, statutoryDays: 20, committedDays: 5, material: "设置备案申请表");
        await Expect(analyst.Locator("#validation-ok")).ToBeVisibleAsync();
        await analyst.ClickAsync("#publish");
        await Expect(analyst.Locator("#designer-state")).ToHaveTextAsync("已发布");

        // The clerk: two applications received at the window, both accepted on receipt.
        var clerk = await browser.SignInAsync(host, "clerk", returnUrl: "/window");
        var decided = await ReceiveAsync(clerk, definitionId, "东莞市旅程广告有限公司");
        await clerk.ClickAsync("#new-application");
        var waiting = await ReceiveAsync(clerk, definitionId, "东莞市等待广告有限公司");

        // The approver: the first case's task, from the candidate list to an approval.
        var reviewer = await browser.SignInAsync(host, "reviewer", returnUrl: "/inbox");
        await reviewer.ClickAsync("#tab-candidate");
        var row = reviewer.Locator($"tr[data-case='{decided.CaseNumber}']");
        await Expect(row).ToContainTextAsync("备案审核");
        await Expect(row).ToContainTextAsync(matterName);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(reviewer.Locator("#task-case-number")).ToContainTextAsync(decided.CaseNumber);
        await reviewer.ClickAsync("#claim-task");
        await Expect(reviewer.Locator("#task-holder")).ToContainTextAsync("reviewer");
        await reviewer.FillAsync("#task-comment", "材料齐全，同意备案。");
        await reviewer.ClickAsync("#outcome-Approve");
        await Expect(reviewer.Locator("#task-outcome")).ToContainTextAsync("同意");

        var api = await host.ApiClientForAsync("admin");
        var finished = (await api.GetFromJsonAsync<JsonObject>($"/api/applications/{decided.Id}"))!;
        Assert.Contains(finished["tasks"]!.AsArray(), t => t!["outcome"]?.GetValue<string>() == "Approve" && t["completedBy"]?.GetValue<string>() == "reviewer");

        // Time runs past the waiting case's committed due date; the supervisor's board shows it overdue, the decided one not.
        var pastDue = DateOnly.Parse(waiting.CommittedDueDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        var moved = await api.PostAsJsonAsync("/api/admin/clock/advance", new JsonObject { ["to"] = pastDue.ToString("yyyy-MM-dd") });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());

        var supervisor = await browser.SignInAsync(host, "supervisor", returnUrl: "/supervision");
        var alert = supervisor.Locator("#alert-table tr.alert-row", new() { HasText = waiting.CaseNumber });
        await Expect(alert.Locator(".level")).ToHaveTextAsync("红色预警");
        await Expect(alert).ToContainTextAsync(matterName);
        await Expect(supervisor.Locator("#alert-table tr.alert-row", new() { HasText = decided.CaseNumber })).ToHaveCountAsync(0);
    }

    private static async Task<Received> ReceiveAsync(IPage clerk, string definitionId, string applicant)
    {
        await clerk.FillAsync("#matter-search", definitionId);
        await Expect(clerk.Locator("#matter-list tbody tr")).ToHaveCountAsync(1);
        await clerk.ClickAsync($"#pick-matter-{definitionId}");
        await clerk.ClickAsync("#select-all-materials");
        await clerk.FillAsync("#applicant-name", applicant);
        await clerk.FillAsync("#applicant-id-number", "91441900MA4XXXXX0X");
        await clerk.FillAsync("#applicant-phone", "0769-22000000");
        await clerk.ClickAsync("#submit-application");
        await Expect(clerk.Locator("#result-headline")).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(clerk.FrameLocator("#result-document").GetByText(applicant).First).ToBeVisibleAsync();
        var caseNumber = await clerk.Locator("#result-case-number").InnerTextAsync();
        var committedDue = await clerk.Locator("#result-committed-due").InnerTextAsync();
        var caseLink = await clerk.Locator("#result-case-number a").GetAttributeAsync("href");
        return new Received(caseLink!.Split('/')[^1], caseNumber.Trim(), committedDue.Trim());
    }

    private sealed record Received(string Id, string CaseNumber, string CommittedDueDate);
}
