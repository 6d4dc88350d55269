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
    /// <summary>An export in Elsa 3's shape as Elsa Studio writes it: no Start or End, a decision, a delay, a variable.</summary>
    public const string Export = """
    {
      "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
      "id": "9f1c2e7a3b4d5e6f",
      "definitionId": "elsa-imported",
      "name": "Imported from Elsa",
      "description": "A small approval flow drawn in Elsa Studio",
      "createdAt": "2026-09-01T08:00:00+00:00",
      "version": 3,
      "toolVersion": "3.7.0.0",
      "variables": [
        { "id": "5a1b", "name": "Approved", "typeName": "Boolean", "isArray": false, "value": "false",
          "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core" }
      ],
      "inputs": [], "outputs": [], "outcomes": [], "customProperties": {},
      "isReadonly": false, "isSystem": false, "isLatest": true, "isPublished": true,
      "options": { "autoUpdateConsumingWorkflows": false },
      "root": {
        "type": "Elsa.Flowchart", "version": 1, "id": "f1", "nodeId": "Workflow1:f1",
        "metadata": {}, "customProperties": { "source": "FlowchartJsonConverter.cs:45", "notFoundConnections": [] },
        "activities": [
          { "id": "w1", "nodeId": "Workflow1:f1:w1", "name": "WriteLine1", "type": "Elsa.WriteLine", "version": 1,
            "text": { "typeName": "String", "expression": { "type": "Literal", "value": "收到申请" } },
            "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
            "metadata": { "designer": { "position": { "x": -300, "y": 100 }, "size": { "width": 140, "height": 50 } } } },
          { "id": "d1", "nodeId": "Workflow1:f1:d1", "name": "Decision1", "type": "Elsa.FlowDecision", "version": 1,
            "condition": { "typeName": "Boolean", "expression": { "type": "Liquid", "value": "{{ input.amount > 100 }}" } },
            "metadata": { "designer": { "position": { "x": -100, "y": 100 } } } },
          { "id": "s1", "nodeId": "Workflow1:f1:s1", "name": "SetVariable1", "type": "Elsa.SetVariable", "version": 1,
            "variable": { "id": "5a1b", "name": "Approved", "typeName": "Boolean" },
            "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "true" } },
            "metadata": { "designer": { "position": { "x": 100, "y": 0 } } } },
          { "id": "t1", "nodeId": "Workflow1:f1:t1", "name": "Delay1", "type": "Elsa.Delay", "version": 1,
            "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:05" } },
            "metadata": { "designer": { "position": { "x": 100, "y": 200 } } } }
        ],
        "connections": [
          { "source": { "activity": "w1", "port": "Done" }, "target": { "activity": "d1", "port": "In" }, "vertices": [] },
          { "source": { "activity": "d1", "port": "True" }, "target": { "activity": "s1", "port": "In" }, "vertices": [] },
          { "source": { "activity": "d1", "port": "False" }, "target": { "activity": "t1", "port": "In" }, "vertices": [] }
        ]
      }
    }
    """;

    [Fact]
    public async Task Convert_ElsaExport_ValidatesAndRunsTheSameWay()
    {
        var definition = ElsaImporter.Convert(DefinitionJson.ParseObject(Export));

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
        var export = DefinitionJson.ParseObject(Export);
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
        var export = DefinitionJson.ParseObject(Export);
        export["root"]!["type"] = "Elsa.Sequence";

        var ex = Assert.Throws<InvalidDefinitionException>(() => ElsaImporter.Convert(export));

        Assert.Contains("flowchart", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
