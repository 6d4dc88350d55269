using System.Text.Json.Nodes;
using Approval.DesignerHost.Designer;
using Approval.Engine.Definitions;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Tests.Designer;

public sealed class MatterGuideFormTests
{
    /// <summary>The seeded matters; the one-thing packages carry a package guide instead (see the test below).</summary>
    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var json in CatalogueSeed.Definitions().Where(j => DefinitionJson.Read(j).CustomProperties?[Matter.GuideProperty] is not null))
        {
            data.Add(json);
        }

        return data;
    }

    [Fact]
    public void A_package_is_no_matter_and_its_package_guide_passes_through_the_form_unchanged()
    {
        var packages = CatalogueSeed.Definitions().Select(DefinitionJson.Read).Where(d => d.CustomProperties?[Package.GuideProperty] is not null).ToList();
        Assert.NotEmpty(packages);
        foreach (var package in packages)
        {
            var form = MatterGuideForm.From(package.CustomProperties);
            Assert.False(form.IsMatter);
            Assert.True(JsonNode.DeepEquals(package.CustomProperties, form.WriteInto(package.CustomProperties)));
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void WriteInto_WithoutEdits_LeavesEverySeededGuideAsItWas(string json)
    {
        var custom = DefinitionJson.Read(json).CustomProperties!;

        var form = MatterGuideForm.From(custom);

        Assert.True(form.IsMatter);
        Assert.Empty(form.Problems());
        Assert.True(JsonNode.DeepEquals(custom, form.WriteInto(custom)), "the guide changed without an edit");
    }

    [Fact]
    public void WriteInto_WritesTheEditedFields_AndKeepsTheOnesTheFormDoesNotShow()
    {
        var custom = DefinitionJson.Read(CatalogueSeed.Definitions()[0]).CustomProperties!;
        var form = MatterGuideForm.From(custom);

        form.Name = "新的事项名称";
        form.CommittedLimitDays = 5;
        form.Materials[0].Tolerable = true;
        form.Materials.Add(new MaterialRow { Code = "M99", Name = "补充说明", Required = false });
        var guide = form.WriteInto(custom)![Matter.GuideProperty]!;

        Assert.Equal("新的事项名称", guide["name"]!.GetValue<string>());
        Assert.Equal(5, guide["committedLimitDays"]!.GetValue<int>());
        Assert.True(guide["materials"]![0]!["tolerable"]!.GetValue<bool>());
        Assert.Equal("M99", guide["materials"]!.AsArray()[^1]!["code"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(custom[Matter.GuideProperty]!["legalBasis"], guide["legalBasis"]));
        Assert.True(JsonNode.DeepEquals(custom[Matter.GuideProperty]!["materials"]![0]!["requirement"], guide["materials"]![0]!["requirement"]));
    }

    [Fact]
    public void ANewMatter_WritesAGuide_AndNamesWhatIsMissing()
    {
        var form = MatterGuideForm.From(null);
        Assert.False(form.IsMatter);
        Assert.Null(form.WriteInto(null));

        form.IsMatter = true;
        form.StatutoryLimitDays = 5;
        form.CommittedLimitDays = 8;
        form.Materials.Add(new MaterialRow());

        var problems = form.Problems().Select(p => p.English).ToList();
        Assert.Contains("The matter needs a code", problems);
        Assert.Contains("The committed limit may not exceed the statutory limit", problems);
        Assert.Contains("Every material needs a code and a name", problems);
        Assert.NotNull(form.WriteInto(null)![Matter.GuideProperty]);
    }
}
