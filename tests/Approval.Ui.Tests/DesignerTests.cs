using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Ui.Tests.Support;
using Microsoft.Playwright;
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
        await Browser.ScreenshotAsync(page, "designer");
        var svg = await page.EvaluateAsync<string>("() => { const s = document.querySelector('#designer-canvas svg'); return s ? s.outerHTML.substring(0, 3000) : 'no svg: ' + document.querySelector('#designer-canvas').innerHTML.substring(0, 1500); }");
        File.WriteAllText("/tmp/svg.txt", svg);
    }

    private async Task<IPage> AnalystPageAsync()
    {
        var page = await browser.SignInAsync(host, "analyst");
        await page.SetViewportSizeAsync(1920, 1080);
        return page;
    }
}
