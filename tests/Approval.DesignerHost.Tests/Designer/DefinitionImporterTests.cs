using Approval.DesignerHost.Designer;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Definitions;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Tests.Designer;

/// <summary>The designer's import takes either an Elsa 3 export or a definition in our own shape.</summary>
public sealed class DefinitionImporterTests
{
    [Fact]
    public void Read_AnElsaExport_ConvertsItsTypes()
    {
        var definition = DefinitionImporter.Read(ElsaExports.AmountCheck("elsa-import").ToJsonString());

        Assert.Equal("elsa-import", definition.DefinitionId);
        Assert.DoesNotContain(definition.Root.Activities, a => a.Type.StartsWith("Elsa.", StringComparison.Ordinal));
        Assert.Contains(definition.Root.Activities, a => a.Type == "Start");
    }

    [Fact]
    public void Read_OurOwnJson_ReadsItAsWritten()
    {
        var json = CatalogueSeed.Definitions()[0];

        var definition = DefinitionImporter.Read(json);

        Assert.Equal(DefinitionJson.WriteString(DefinitionJson.Read(json)), DefinitionJson.WriteString(definition));
    }

    [Fact]
    public void Read_TextThatIsNoDefinition_SaysWhere() =>
        Assert.Contains("line", Assert.Throws<DefinitionFormatException>(() => DefinitionImporter.Read("{ \"definitionId\": ")).Message);
}
