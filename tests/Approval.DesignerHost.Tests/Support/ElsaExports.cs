using System.Text.Json.Nodes;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>Workflow exports as Elsa Studio 3 writes them ("Export" on a definition), trimmed of nothing but the Studio's layout sizes.</summary>
public static class ElsaExports
{
    /// <summary>
    /// WriteLine → SetVariable(Route, Liquid) → FlowDecision(Route == "review") — True → Delay(1 h), False → WriteLine.
    /// No Start or End: Elsa flowcharts do without, and the importer adds them.
    /// </summary>
    public static JsonObject AmountCheck(string definitionId) => JsonNode.Parse($$$"""
        {
          "id": "5a1c7e2f0b9d4c61",
          "definitionId": "{{{definitionId}}}",
          "name": "金额审查 (Elsa)",
          "description": "Large amounts wait for a cooling-off hour; small ones pass at once.",
          "createdAt": "2024-05-14T08:21:37.1234567+00:00",
          "version": 3,
          "toolVersion": "3.1.3.0",
          "variables": [
            {
              "id": "9e4b6f3a2c1d4e5f",
              "name": "Route",
              "typeName": "String",
              "isArray": false,
              "value": "",
              "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core"
            }
          ],
          "inputs": [],
          "outputs": [],
          "outcomes": [],
          "customProperties": {},
          "isReadonly": false,
          "isSystem": false,
          "isLatest": true,
          "isPublished": true,
          "options": { "autoUpdateConsumingWorkflows": false },
          "root": {
            "type": "Elsa.Flowchart",
            "version": 1,
            "id": "3f9a0c7d8e6b4a21",
            "nodeId": "Workflow1:3f9a0c7d8e6b4a21",
            "metadata": {},
            "customProperties": { "source": "FlowchartJsonConverter.cs:45", "notFoundConnections": [] },
            "activities": [
              {
                "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "收到金额为 {{ input.amount }} 元的申请" } },
                "id": "WriteLine1",
                "nodeId": "Workflow1:3f9a0c7d8e6b4a21:WriteLine1",
                "name": "WriteLine1",
                "type": "Elsa.WriteLine",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": -420, "y": 60 }, "size": { "width": 156.5, "height": 50 } } }
              },
              {
                "variable": {
                  "id": "9e4b6f3a2c1d4e5f",
                  "name": "Route",
                  "typeName": "String",
                  "isArray": false,
                  "value": "",
                  "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core"
                },
                "value": { "typeName": "Object", "expression": { "type": "Liquid", "value": "{% if input.amount > 1000 %}review{% else %}fast{% endif %}" } },
                "id": "SetVariable1",
                "nodeId": "Workflow1:3f9a0c7d8e6b4a21:SetVariable1",
                "name": "SetVariable1",
                "type": "Elsa.SetVariable",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": -200, "y": 60 }, "size": { "width": 170, "height": 50 } } }
              },
              {
                "condition": { "typeName": "Boolean", "expression": { "type": "Liquid", "value": "{{ Route == \"review\" }}" } },
                "id": "FlowDecision1",
                "nodeId": "Workflow1:3f9a0c7d8e6b4a21:FlowDecision1",
                "name": "FlowDecision1",
                "type": "Elsa.FlowDecision",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": 20, "y": 60 }, "size": { "width": 140, "height": 50 } } }
              },
              {
                "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "01:00:00" } },
                "id": "Delay1",
                "nodeId": "Workflow1:3f9a0c7d8e6b4a21:Delay1",
                "name": "Delay1",
                "type": "Elsa.Delay",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": 240, "y": -20 }, "size": { "width": 120, "height": 50 } } }
              },
              {
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "小额申请，直接通过" } },
                "id": "WriteLine2",
                "nodeId": "Workflow1:3f9a0c7d8e6b4a21:WriteLine2",
                "name": "WriteLine2",
                "type": "Elsa.WriteLine",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": 240, "y": 140 }, "size": { "width": 156.5, "height": 50 } } }
              }
            ],
            "connections": [
              { "source": { "activity": "WriteLine1", "port": "Done" }, "target": { "activity": "SetVariable1", "port": "In" }, "vertices": [] },
              { "source": { "activity": "SetVariable1", "port": "Done" }, "target": { "activity": "FlowDecision1", "port": "In" }, "vertices": [] },
              { "source": { "activity": "FlowDecision1", "port": "True" }, "target": { "activity": "Delay1", "port": "In" }, "vertices": [] },
              { "source": { "activity": "FlowDecision1", "port": "False" }, "target": { "activity": "WriteLine2", "port": "In" }, "vertices": [] }
            ]
          }
        }
        """)!.AsObject();

    /// <summary>An export using what has no counterpart here: an HTTP trigger, e-mail, and a JavaScript expression.</summary>
    public static JsonObject WithUnsupportedParts(string definitionId)
    {
        var export = AmountCheck(definitionId);
        var activities = export["root"]!["activities"]!.AsArray();
        activities.Add(JsonNode.Parse("""
            {
              "path": { "typeName": "String", "expression": { "type": "Literal", "value": "/apply" } },
              "supportedMethods": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"POST\"]" } },
              "id": "HttpEndpoint1", "type": "Elsa.HttpEndpoint", "version": 1, "canStartWorkflow": true, "metadata": {}
            }
            """));
        activities.Add(JsonNode.Parse("""
            {
              "to": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"office@example.org\"]" } },
              "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "New application" } },
              "id": "SendEmail1", "type": "Elsa.SendEmail", "version": 1, "metadata": {}
            }
            """));
        activities.Single(a => a!["id"]!.GetValue<string>() == "WriteLine2")!["text"] = JsonNode.Parse("""
            { "typeName": "String", "expression": { "type": "JavaScript", "value": "`Amount: ${getInput('amount')}`" } }
            """);
        return export;
    }
}
