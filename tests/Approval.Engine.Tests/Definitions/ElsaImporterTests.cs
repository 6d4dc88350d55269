using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Tests.Support;

namespace Approval.Engine.Tests.Definitions;

public sealed class ElsaImporterTests
{
    [Fact]
    public async Task Convert_ElsaExport_ValidatesAndRunsTheSameWay()
    {
        var definition = ElsaImporter.Convert(DefinitionJson.ParseObject(ElsaSamples.Export));

        Assert.Equal("elsa-imported", definition.DefinitionId);
        Assert.Equal(["Log", "Decision", "SetVariable", "Timer", "Start", "End"], definition.Root.Activities.Select(a => a.Type));
        Assert.Equal(-300, definition.Root.Activities[0].Metadata!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Empty(new DefinitionValidator(new ActivityRegistry(ActivityRegistry.BuiltIns), new ScribanExpressionEvaluator(TimeProvider.System)).Validate(definition));

        var harness = new RunnerHarness(DefinitionJson.WriteString(definition));
        await harness.StartAsync(new JsonObject { ["amount"] = 500 });
        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        Assert.Equal("true", harness.Instance.Variables["Approved"]!.ToJsonString().Trim('"'));
        Assert.Equal(1, harness.Count(JournalEvents.Log, "w1"));
    }

    [Fact]
    public void Convert_UnknownTypesAndScriptLanguages_AreListedTogether()
    {
        var export = DefinitionJson.ParseObject(ElsaSamples.Export);
        var activities = export["root"]!["activities"]!.AsArray();
        activities.Add(new JsonObject { ["id"] = "mail", ["type"] = "Elsa.SendEmail" });
        activities.Add(new JsonObject { ["id"] = "http", ["type"] = "Elsa.HttpEndpoint" });
        activities[1]!["condition"] = new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "true" } };

        var ex = Assert.Throws<InvalidDefinitionException>(() => ElsaImporter.Convert(export));

        Assert.Contains(ex.Errors, e => e.Code == "unknown-type" && e.ActivityId == "mail" && e.Message.Contains("Elsa.SendEmail"));
        Assert.Contains(ex.Errors, e => e.Code == "unknown-type" && e.ActivityId == "http");
        Assert.Contains(ex.Errors, e => e.Code == "unsupported-expression" && e.ActivityId == "d1");
    }

    [Fact]
    public void Convert_ASequenceRoot_IsRefusedClearly()
    {
        var export = DefinitionJson.ParseObject(ElsaSamples.Export);
        export["root"]!["type"] = "Elsa.Sequence";

        var ex = Assert.Throws<InvalidDefinitionException>(() => ElsaImporter.Convert(export));

        Assert.Contains("flowchart", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
