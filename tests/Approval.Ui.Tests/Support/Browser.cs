using Microsoft.Playwright;

namespace Approval.Ui.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, shared by the tests of a collection.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root, kept by CI as test artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("APPROVAL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A page in a fresh browser context (its own cookies), signed in as nobody.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in through the login page as a demo user (password = user name).</summary>
    public async Task<IPage> SignInAsync(UiHost host, string userName, string? returnUrl = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/login{(returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}")}");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", userName);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("#current-user")).ToContainTextAsync(userName);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Approval.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
