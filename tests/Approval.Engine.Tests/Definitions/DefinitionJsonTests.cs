using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.Tests.Definitions;

public sealed class DefinitionJsonTests
{
    [Fact]
    public void Read_MalformedJson_SaysWhereItBroke()
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Read("{\n  \"definitionId\": \"x\",\n  \"root\": {\n"));
        Assert.Contains("line", ex.Message);
    }

    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Read(deep));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"definitionId\":\"x\"}")]
    [InlineData("{\"definitionId\":\"has space\",\"root\":{\"activities\":[]}}")]
    [InlineData("{\"definitionId\":\"x\",\"root\":{\"activities\":[{\"id\":\"a\"}]}}")]
    [InlineData("{\"definitionId\":\"x\",\"root\":{\"activities\":\"nope\"}}")]
    public void Read_WrongShape_IsAFormatErrorNotACrash(string json)
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Read(json));
        Assert.NotEmpty(ex.Errors);
    }

    [Fact]
    public void WriteThenRead_KeepsInputsConnectionsAndDesignerPositions()
    {
        var original = DefinitionJson.Read(FlowBuilder.SingleTask("round-trip", "受理审查").Variable("fee", 12).ToJson());

        var again = DefinitionJson.Read(DefinitionJson.WriteString(original));

        Assert.Equal(original.Root.Activities.Select(a => (a.Id, a.Type)), again.Root.Activities.Select(a => (a.Id, a.Type)));
        Assert.Equal(original.Root.Connections, again.Root.Connections);
        Assert.Equal("受理审查", again.Root.Activities.Single(a => a.Id == "task").Input("title")!.Value!.GetValue<string>());
        Assert.Equal(200, again.Root.Activities.Single(a => a.Id == "task").Metadata!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Equal("12", again.Variables.Single().Value!.ToJsonString());
    }

    [Fact]
    public void Read_FlatConnectionsOfEarlyElsa3Exports_AreUnderstood()
    {
        var json = new JsonObject
        {
            ["definitionId"] = "flat",
            ["root"] = new JsonObject
            {
                ["activities"] = new JsonArray(new JsonObject { ["id"] = "a", ["type"] = "Start" }, new JsonObject { ["id"] = "b", ["type"] = "End" }),
                ["connections"] = new JsonArray(new JsonObject { ["source"] = "a", ["sourcePort"] = "Done", ["target"] = "b", ["targetPort"] = "In" }),
            },
        };

        var connection = Assert.Single(DefinitionJson.Read(json).Root.Connections);

        Assert.Equal(new Connection(new Endpoint("a", "Done"), new Endpoint("b", "In")), connection);
    }
}
