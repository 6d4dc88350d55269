using Approval.Activities.Documents;
using Approval.Engine.Documents;

namespace Approval.Activities.Tests.Documents;

/// <summary>The shipped templates: one per kind, all parse, all are printable A4 pages with nothing external or executable.</summary>
public sealed class DefaultDocumentTemplatesTests
{
    public static TheoryData<string> Kinds => [.. DocumentKinds.All];

    [Fact]
    public void All_OneVersionOneTemplatePerKind_InKindOrder()
    {
        var all = DefaultDocumentTemplates.All;

        Assert.Equal(DocumentKinds.All, all.Select(t => t.Kind));
        Assert.All(all, t => Assert.Equal(1, t.Version));
        Assert.Equal(all.Count, all.Select(t => t.Title).Distinct().Count());
    }

    [Fact]
    public void Get_UnknownKind_ThrowsNamingTheKnownKinds()
    {
        var error = Assert.Throws<ArgumentException>(() => DefaultDocumentTemplates.Get("BirthdayCard"));

        Assert.Contains(DocumentKinds.AcceptanceReceipt, error.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Template_Shipped_Parses(string kind)
    {
        Assert.Empty(DocumentRenderer.Check(DefaultDocumentTemplates.Get(kind).Content));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Template_Shipped_IsAnA4PageWithoutScriptsOrExternalAssets(string kind)
    {
        var content = DefaultDocumentTemplates.Get(kind).Content;

        Assert.Contains("<html lang=\"zh-CN\">", content);
        Assert.Contains("@page { size: A4; margin: 20mm; }", content);
        Assert.Contains("\"Noto Serif CJK SC\"", content);
        Assert.DoesNotContain("<script", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", content, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Template_Shipped_PrintsItsTitleNumbersAndSeal(string kind)
    {
        var template = DefaultDocumentTemplates.Get(kind);

        Assert.Contains($"<h1>{template.Title}</h1>", template.Content);
        Assert.Contains($"<title>{template.Title}</title>", template.Content);
        Assert.Contains("{{ documentNumber }}", template.Content);
        Assert.Contains("{{ caseNumber }}", template.Content);
        Assert.Contains("{{ office.sealText }}", template.Content);
        Assert.Contains("{{ cn_date(issuedOn) }}", template.Content);
    }
}
