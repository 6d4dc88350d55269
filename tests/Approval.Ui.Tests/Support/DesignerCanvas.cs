using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Ui.Tests.Support;

/// <summary>What an analyst does with the mouse on the designer's canvas: drop an activity, drag a link, pick a node.</summary>
internal static class DesignerCanvas
{
    public static async Task DropAsync(IPage page, string type, float x, float y, string expectedId)
    {
        await page.DragAndDropAsync($"#tool-{type}", "#designer-canvas", new() { TargetPosition = new() { X = x, Y = y } });
        await Expect(page.Locator($"#designer-canvas [data-activity='{expectedId}']")).ToBeVisibleAsync();
    }

    /// <summary>Drags a link from an outcome port to another activity's input port, as a user does with the mouse.</summary>
    public static async Task ConnectAsync(IPage page, string from, string port, string to, int links)
    {
        var source = (await page.Locator($"[data-activity='{from}'] [data-port='{port}']").BoundingBoxAsync())!;
        var target = (await page.Locator($"[data-activity='{to}'] [data-port='In']").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator("#designer-canvas g.diagram-link.attached")).ToHaveCountAsync(links);
    }

    public static Task SelectAsync(IPage page, string activityId) => page.ClickAsync($"[data-activity='{activityId}'] .an-title");

    /// <summary>Fills the guide tab so the published definition is a matter the window desk can receive.</summary>
    public static async Task FillMatterGuideAsync(IPage page, string matterCode, string name, int statutoryDays, int committedDays, string material)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "指南", Exact = true }).ClickAsync();
        await page.ClickAsync("#guide-is-matter");
        await Expect(page.Locator("#guide-code input")).ToBeVisibleAsync();
        await page.FillAsync("#guide-code input", matterCode);
        await page.FillAsync("#guide-name input", name);
        await page.FillAsync("#guide-department input", "市市场监督管理局");
        await page.FillAsync("#guide-department-code input", "SJ");
        await page.FillAsync("#guide-statutory input", statutoryDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#guide-committed input", committedDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#add-material");
        var materialName = page.Locator("#guide-materials .material-name input");
        try
        {
            await materialName.WaitForAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // On a loaded machine a click can land while the fields typed just before are still re-rendering the panel.
            await page.ClickAsync("#add-material");
        }

        await Expect(materialName).ToHaveCountAsync(1);
        await materialName.FillAsync(material);
    }
}
