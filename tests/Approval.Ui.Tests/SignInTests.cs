using Approval.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Approval.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class SignInTests(UiHost host, Browser browser)
{
    [Fact]
    public async Task A_page_asked_for_before_sign_in_opens_after_it()
    {
        var page = await browser.SignInAsync(host, "supervisor", returnUrl: "/");
        await Assertions.Expect(page.Locator("#nav-supervision")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#nav-designer")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "home-supervisor");
    }

    [Fact]
    public async Task Wrong_password_stays_on_the_sign_in_page_with_a_message()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/login");
        await page.FillAsync("#userName", "clerk");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("用户名或密码错误");
    }

    [Fact]
    public async Task The_language_switch_turns_the_interface_to_English_and_back()
    {
        var page = await browser.SignInAsync(host, "clerk");
        await Assertions.Expect(page.Locator("#nav-window")).ToHaveTextAsync("窗口收件");
        await page.ClickAsync("#language-switch");
        await Assertions.Expect(page.Locator("#nav-window")).ToHaveTextAsync("Window desk");
        await page.ClickAsync("#language-switch");
        await Assertions.Expect(page.Locator("#nav-window")).ToHaveTextAsync("窗口收件");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_pages_ask_again()
    {
        var page = await browser.SignInAsync(host, "reviewer");
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/login**");
        await page.GotoAsync($"{host.BaseUrl}/");
        await page.WaitForURLAsync("**/login**");
    }
}
