using Approval.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Approval.Ui.Tests;

/// <summary>The window desk: a clerk receives applications for the seeded food business licence and hands over what the system issues.</summary>
[Collection(UiCollection.Name)]
public sealed class WindowDeskTests(UiHost host, Browser browser)
{
    // A Blazor round trip on a shared 2-core machine can take longer than Playwright's 5 s default.
    static WindowDeskTests() => Assertions.SetDefaultExpectTimeout(15_000);

    private const string FoodLicence = "food-business-licence";

    [Fact]
    public async Task A_complete_application_is_accepted_and_the_receipt_is_issued()
    {
        var page = await browser.SignInAsync(host, "clerk", returnUrl: "/window");
        await PickFoodLicenceAsync(page);
        await page.ClickAsync("#select-all-materials");
        await FillApplicantAsync(page, "东莞市味道餐饮有限公司");
        await Assertions.Expect(page.Locator("#material-count")).ToContainTextAsync("10 / 10");
        await ScreenshotAsync(page, "window-desk");

        await page.ClickAsync("#submit-application");

        var headline = page.Locator("#result-headline");
        await Assertions.Expect(headline).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(headline).ToContainTextAsync("受理");
        await Assertions.Expect(page.Locator("#result-case-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SJ\d{12}$"));
        await Assertions.Expect(page.Locator("#result-committed-due")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
        var receipt = page.FrameLocator("#result-document");
        await Assertions.Expect(receipt.GetByText("受理通知书").First).ToBeVisibleAsync();
        await Assertions.Expect(receipt.GetByText("东莞市味道餐饮有限公司").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result-document-print")).ToBeEnabledAsync();
        await ScreenshotAsync(page, "window-result");
    }

    [Fact]
    public async Task A_missing_required_material_gets_the_one_time_notice_and_its_supplement_accepts_the_case()
    {
        var page = await browser.SignInAsync(host, "clerk", returnUrl: "/window");
        await PickFoodLicenceAsync(page);
        await page.ClickAsync("#select-all-materials");
        await page.ClickAsync("#material-M04");
        await Assertions.Expect(page.Locator("#material-count")).ToContainTextAsync("9 / 10");
        await FillApplicantAsync(page, "东莞市缺件餐饮有限公司");

        await page.ClickAsync("#submit-application");

        var headline = page.Locator("#result-headline");
        await Assertions.Expect(headline).ToHaveAttributeAsync("data-status", "CorrectionRequested");
        await Assertions.Expect(headline).ToContainTextAsync("一次性告知");
        await Assertions.Expect(page.Locator("#result-missing")).ToContainTextAsync("食品安全管理人员身份证明及培训考核合格证明");
        await Assertions.Expect(page.Locator("#result-accepted")).ToHaveTextAsync("未受理");
        var notice = page.FrameLocator("#result-document");
        await Assertions.Expect(notice.GetByText("补正告知书").First).ToBeVisibleAsync();
        await Assertions.Expect(notice.GetByText("一次性告知").First).ToBeVisibleAsync();
        await Assertions.Expect(notice.GetByText("食品安全管理人员身份证明及培训考核合格证明").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "window-one-time-notice");
        var caseNumber = await page.Locator("#result-case-number").InnerTextAsync();

        // The applicant comes back with the missing material: the clerk records it and the case is accepted.
        await page.ClickAsync("#result-supplement");
        await Assertions.Expect(page.Locator("#supplement-case")).ToContainTextAsync(caseNumber);
        await page.ClickAsync("#supplement-M04");
        await page.ClickAsync("#record-supplement");
        await Assertions.Expect(page.Locator("#supplement-recorded")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result-headline")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(page.FrameLocator("#result-document").GetByText("受理通知书").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_case_not_waiting_for_materials_is_not_offered_for_a_supplement()
    {
        var page = await browser.SignInAsync(host, "clerk", returnUrl: "/window/supplement");
        await page.FillAsync("#supplement-case-number", "SJ000000000000");
        await page.ClickAsync("#find-case");
        await Assertions.Expect(page.Locator("#supplement-error")).ToContainTextAsync("没有等待补正材料的办件");
    }

    [Fact]
    public async Task Missing_applicant_details_are_named_before_anything_is_submitted()
    {
        var page = await browser.SignInAsync(host, "clerk", returnUrl: "/window");
        await PickFoodLicenceAsync(page);
        await page.ClickAsync("#select-all-materials");
        await page.FillAsync("#applicant-name", "东莞市未填完餐饮有限公司");

        await page.ClickAsync("#submit-application");

        var validation = page.Locator("#window-validation");
        await Assertions.Expect(validation).ToContainTextAsync("证件号码");
        await Assertions.Expect(validation).ToContainTextAsync("联系电话");
        await Assertions.Expect(validation).Not.ToContainTextAsync("申请人名称");
        await Assertions.Expect(page.Locator("#window-result")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_one_thing_package_is_received_once_with_its_merged_materials_and_each_matter_gets_its_own_case()
    {
        var page = await browser.SignInAsync(host, "clerk", returnUrl: "/window");
        await page.FillAsync("#matter-search", "企业开办");
        await Assertions.Expect(page.Locator("#matter-list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#matter-list [data-kind='package']")).ToBeVisibleAsync();
        await page.ClickAsync("#pick-matter-package-enterprise-opening");
        await Assertions.Expect(page.Locator("#package-matters")).ToContainTextAsync("企业设立登记");
        await Assertions.Expect(page.Locator("#package-matters")).ToContainTextAsync("住房公积金单位缴存登记");

        // The merged list names each material once, and says when several matters share it.
        var codes = await page.Locator("#material-list tr[data-material]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.material)");
        Assert.Equal(codes.Length, codes.Distinct().Count());
        await Assertions.Expect(page.Locator("#material-list .shared-material").First).ToBeVisibleAsync();

        await page.ClickAsync("#select-all-materials");
        await FillApplicantAsync(page, "东莞市一件事科技有限公司");
        await ScreenshotAsync(page, "window-package");
        await page.ClickAsync("#submit-application");

        var members = page.Locator("#result-members tbody tr");
        await Assertions.Expect(members).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#result-case-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^QK\d{12}$"));
        await Assertions.Expect(page.Locator("#result-members")).ToContainTextAsync("公章刻制备案");

        // Each matter's case is its own, numbered under the package's and open from the result.
        var caseNumber = await page.Locator("#result-case-number").InnerTextAsync();
        var memberNumbers = await members.Locator("td >> nth=0").AllInnerTextsAsync();
        Assert.All(memberNumbers, n => Assert.StartsWith($"{caseNumber}-", n.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_approver_is_denied_the_window_desk()
    {
        var page = await browser.SignInAsync(host, "reviewer");
        await Assertions.Expect(page.Locator("#nav-window")).ToHaveCountAsync(0);
        await page.GotoAsync($"{host.BaseUrl}/window");
        await Assertions.Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#submit-application")).ToHaveCountAsync(0);
    }

    /// <summary>From the top of the page, so the fixed app bar sits where it belongs in a full-page shot, with transitions
    /// (a tab's colour, a ripple) run to their end.</summary>
    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Browser.ScreenshotFolder, $"{name}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    private static async Task PickFoodLicenceAsync(IPage page)
    {
        await page.FillAsync("#matter-search", "食品经营");

        // The list re-renders as the search narrows it; a click on a row about to be replaced would be lost.
        await Assertions.Expect(page.Locator("#matter-list tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync($"#pick-matter-{FoodLicence}");
        await Assertions.Expect(page.Locator("#matter-summary")).ToContainTextAsync("食品经营许可");
        await Assertions.Expect(page.Locator("#matter-summary")).ToContainTextAsync("20 个工作日");
    }

    private static async Task FillApplicantAsync(IPage page, string name)
    {
        await page.FillAsync("#applicant-name", name);
        await page.FillAsync("#applicant-id-number", "91441900MA4XXXXX0X");
        await page.FillAsync("#applicant-phone", "0769-22000000");
        await page.FillAsync("#form-key-0", "经营场所");
        await page.FillAsync("#form-value-0", "东莞市南城街道某路1号");
    }
}
