using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Activities.Documents;
using Approval.Engine.Documents;

namespace Approval.Activities.Tests.Documents;

/// <summary>The shipped templates rendered from complete sample models: every required value printed, the applicant's text escaped, the law's wording present.</summary>
public sealed partial class DocumentRenderingTests
{
    private readonly DocumentRenderer _renderer = new(TimeProvider.System);

    public static TheoryData<string> Kinds => [.. DocumentKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_CompleteSample_IsOneHtmlDocument(string kind)
    {
        var html = Render(kind, SampleDocumentModels.For(kind));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"<h1>{DefaultDocumentTemplates.Get(kind).Title}</h1>", html);
        Assert.DoesNotContain("{{", html);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_CompleteSample_ContainsEveryRequiredValue(string kind)
    {
        var model = SampleDocumentModels.For(kind);

        var html = Render(kind, model);

        foreach (var path in DocumentFields.RequiredFor(kind))
        {
            foreach (var expected in Printed(model, path))
            {
                Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{kind}: '{path}' should print '{expected}'.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_CompleteSample_SealAndIssueDateInChinese(string kind)
    {
        var html = Render(kind, SampleDocumentModels.For(kind));

        Assert.Contains("<p>东莞市市场监督管理局行政审批专用章</p>\n<p>（印章）</p>\n<p>2026年3月2日</p>", html);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_ApplicantNameWithMarkup_PrintedEscaped(string kind)
    {
        var model = SampleDocumentModels.For(kind);
        model["applicant"]!["name"] = "<script>alert(1)</script>";

        var html = Render(kind, model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Theory]
    [InlineData(DocumentKinds.RefusalOfAcceptanceNotice, "通知")]
    [InlineData(DocumentKinds.TerminationNotice, "通知")]
    [InlineData(DocumentKinds.RejectionDecision, "决定")]
    public void Render_AdverseDocument_StatesReviewWithinSixtyDaysAndLitigationWithinSixMonths(string kind, string subject)
    {
        var html = Render(kind, SampleDocumentModels.For(kind));

        Assert.Contains($"自知道或者应当知道本{subject}之日起六十日内向东莞市人民政府申请行政复议", html);
        Assert.Contains($"自知道或者应当知道本{subject}之日起六个月内向有管辖权的人民法院提起行政诉讼", html);
    }

    [Fact]
    public void Render_CorrectionNotice_ListsEveryMissingMaterialWithItsRequirement()
    {
        var model = SampleDocumentModels.For(DocumentKinds.CorrectionNotice);

        var html = Render(DocumentKinds.CorrectionNotice, model);

        var materials = SampleDocumentModels.FoodLicenceMaterials().OfType<JsonObject>().ToList();
        Assert.Equal(materials.Count, MaterialRow().Matches(html).Count);
        for (var i = 0; i < materials.Count; i++)
        {
            Assert.Contains($"<tr><td class=\"num\">{i + 1}</td><td>{materials[i]["name"]}</td><td>{materials[i]["requirement"]}</td></tr>", html);
        }

        Assert.Contains($"以上共{materials.Count}项，为需要补正的全部内容", html);
        Assert.Contains("第三十二条第一款第四项", html);
    }

    [Fact]
    public void Render_RefusalOutsideCompetence_NamesTheCompetentAuthority()
    {
        var model = SampleDocumentModels.For(DocumentKinds.RefusalOfAcceptanceNotice);

        Assert.Contains("依法应当由东莞市卫生健康局办理", Render(DocumentKinds.RefusalOfAcceptanceNotice, model));

        model.Remove("competentAuthority");
        Assert.DoesNotContain("依法应当由", Render(DocumentKinds.RefusalOfAcceptanceNotice, model));
    }

    [Fact]
    public void Render_ReceiptWithoutOptionalFields_OmitsThemAndStillPrintsTheCommittedDate()
    {
        var model = SampleDocumentModels.For(DocumentKinds.AcceptanceReceipt);
        model["statutoryDueDate"] = null;
        model.Remove("queryCode");
        model.Remove("legalBasis");
        ((JsonObject)model["office"]!).Remove("address");

        var html = Render(DocumentKinds.AcceptanceReceipt, model);

        Assert.Contains("你（单位）于2026年2月27日10时15分提交的", html);
        Assert.Contains("本机关承诺于2026年3月16日前作出决定", html);
        Assert.DoesNotContain("法定办结期限截至", html);
        Assert.DoesNotContain("查询码", html);
        Assert.DoesNotContain("事项设定依据", html);
        Assert.Contains("咨询电话：0769-22830000", html);
        Assert.DoesNotContain("机关地址", html);
    }

    [Theory]
    [InlineData(true, "现场核查所需时间不计算在行政许可办理期限内")]
    [InlineData(false, "现场核查所需时间计算在行政许可办理期限内")]
    public void Render_SpecialProcedure_SaysWhetherTheTimeCountsTowardsTheLimit(bool pauses, string expected)
    {
        var model = SampleDocumentModels.For(DocumentKinds.SpecialProcedureNotice);
        model["pausesClock"] = pauses;

        var html = Render(DocumentKinds.SpecialProcedureNotice, model);

        Assert.Contains(expected, html);
        Assert.Contains("第四十五条", html);
        Assert.Contains("预计需要7个工作日，预计于2026年3月11日前完成", html);
    }

    [Fact]
    public void Render_HearingNotice_RightToRequestAlwaysScheduleOnlyWhenSet()
    {
        var model = SampleDocumentModels.For(DocumentKinds.HearingNotice);

        var scheduled = Render(DocumentKinds.HearingNotice, model);
        model.Remove("hearing");
        var unscheduled = Render(DocumentKinds.HearingNotice, model);

        Assert.All(new[] { scheduled, unscheduled }, html => Assert.Contains("自被告知听证权利之日起五个工作日内，即2026年3月9日前", html));
        Assert.Contains("东莞市市场监督管理局三楼听证室", scheduled);
        Assert.Contains("于举行听证的七日前将听证的时间、地点通知", scheduled);
        Assert.DoesNotContain("听证安排", unscheduled);
    }

    [Fact]
    public void Render_ApprovalDecision_CitesArticle38AndTheTenDayDeliveryAndPrintsAnOpenEndedValidity()
    {
        var model = SampleDocumentModels.For(DocumentKinds.ApprovalDecision);
        model["licence"]!["validUntil"] = "长期";

        var html = Render(DocumentKinds.ApprovalDecision, model);

        Assert.Contains("根据《中华人民共和国行政许可法》第三十八条第一款及《中华人民共和国食品安全法》第三十五条的规定，本机关决定准予行政许可", html);
        Assert.Contains("<td>2026年3月13日至长期</td>", html);
        Assert.Contains("自作出决定之日起十个工作日内", html);
    }

    [Fact]
    public void Render_ExtensionNotice_ReasonApproverDaysAndNewDueDate()
    {
        var html = Render(DocumentKinds.ExtensionNotice, SampleDocumentModels.For(DocumentKinds.ExtensionNotice));

        Assert.Contains("因需征求属地街道意见，本机关不能在规定期限内作出行政许可决定", html);
        Assert.Contains("第四十二条第一款的规定，经本机关负责人赵某批准，办理期限延长10个工作日，由2026年3月30日延长至2026年4月14日", html);
    }

    [Fact]
    public void Render_RejectionWithOneReasonAsText_PrintsItOnce()
    {
        var model = SampleDocumentModels.For(DocumentKinds.RejectionDecision);
        model["reasons"] = "经营场所不符合要求。";

        var html = Render(DocumentKinds.RejectionDecision, model);

        Assert.Contains("<li>经营场所不符合要求。</li>", html);
        Assert.Single(Regex.Matches(html, "<li>"));
    }

    [Fact]
    public void Render_LegalBasisAsList_JoinedInOneSentence()
    {
        var model = SampleDocumentModels.For(DocumentKinds.RejectionDecision);
        model["legalBasis"] = new JsonArray("《中华人民共和国食品安全法》第三十五条", "《食品经营许可和备案管理办法》");

        var html = Render(DocumentKinds.RejectionDecision, model);

        Assert.Contains("根据《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》及《中华人民共和国行政许可法》第三十八条第二款的规定", html);
    }

    private string Render(string kind, JsonObject model) => _renderer.Render(DefaultDocumentTemplates.Get(kind).Content, model);

    /// <summary>How the value(s) at a required path appear in the document: HTML-escaped, dates as 2026年3月2日.</summary>
    private static IEnumerable<string> Printed(JsonObject model, string path)
    {
        IEnumerable<JsonNode?> nodes = [model];
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? segment[..^2] : segment;
            nodes = nodes.Select(n => n?[name]);
            if (each)
            {
                nodes = nodes.SelectMany(n => n as JsonArray ?? []);
            }
        }

        foreach (var node in nodes)
        {
            var values = node is JsonArray list ? list.OfType<JsonValue>() : node is JsonValue v ? [v] : [];
            foreach (var value in values)
            {
                if (value.TryGetValue<string>(out var text))
                {
                    yield return WebUtility.HtmlEncode(ChineseDate(text));
                }
                else if (value.TryGetValue<int>(out var number))
                {
                    yield return number.ToString(CultureInfo.InvariantCulture);
                }
            }
        }
    }

    /// <summary>2026-02-27 → 2026年2月27日; 2026-02-27 10:15 → 2026年2月27日10时15分, as official documents write them.</summary>
    private static string ChineseDate(string text)
    {
        var match = IsoDate().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var date = $"{Number(match, 1)}年{Number(match, 2)}月{Number(match, 3)}日";
        return match.Groups[4].Success ? $"{date}{Number(match, 4)}时{match.Groups[5].Value}分" : date;
    }

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("""<tr><td class="num">\d+</td>""")]
    private static partial Regex MaterialRow();
}
