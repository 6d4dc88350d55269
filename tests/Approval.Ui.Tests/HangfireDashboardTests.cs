using System.Text.RegularExpressions;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Approval.Ui.Tests;

/// <summary>The Hangfire dashboard at /hangfire: supervisors and admins signed in through the UI see it; others are turned away.</summary>
[Collection(UiCollection.Name)]
public sealed class HangfireDashboardTests(UiHost host, Browser browser)
{
    [Theory]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task Supervisors_and_admins_see_the_dashboard_with_the_SLA_sweep(string user)
    {
        var page = await browser.SignInAsync(host, user);
        await page.GotoAsync($"{host.BaseUrl}/hangfire/recurring");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Approval · Hangfire"));
        await Assertions.Expect(page.GetByText("sla-sweep", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/hangfire");
        await page.WaitForURLAsync("**/login?**");
        Assert.Contains("ReturnUrl=%2Fhangfire", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_clerk_is_refused_the_dashboard()
    {
        var page = await browser.SignInAsync(host, "clerk");
        await page.GotoAsync($"{host.BaseUrl}/hangfire");
        await page.WaitForURLAsync("**/access-denied**");
        await Assertions.Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page).Not.ToHaveTitleAsync(new Regex("Hangfire"));
    }
}
