namespace Approval.Engine.Tests.Support;

/// <summary>Workflow exports as Elsa 3 writes them, shared by the importer's unit tests and the integration tests.</summary>
public static class ElsaSamples
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
}
