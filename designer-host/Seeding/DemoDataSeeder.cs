using System.Text.Json.Nodes;
using Approval.DesignerHost.Options;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Approval.Workflows.Catalogue;
using Microsoft.Extensions.Options;

namespace Approval.DesignerHost.Seeding;

/// <summary>Seeds the demo catalogue (a published definition per matter, with its guide) and the small <c>demo-approval</c> flow into an empty database.</summary>
/// <remarks>
/// Registered after the engine's start-up, so the schema is in place; hosted services start one after another.
/// </remarks>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopes, IOptions<ApprovalOptions> options, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string DemoDefinitionId = "demo-approval";
    private const string Actor = "system:seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoData)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDefinitionStore>();
        if ((await store.ListLatestAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        foreach (var definition in CatalogueSeed.Definitions().Select(DefinitionJson.Read).Prepend(DefinitionJson.Read(DemoApproval())))
        {
            try
            {
                await definitions.CreateAsync(definition, Actor, cancellationToken);
                await definitions.PublishAsync(definition.DefinitionId, Actor, cancellationToken);
                logger.LogInformation("Seeded '{DefinitionId}' ({Name}).", definition.DefinitionId, definition.Name);
            }
            catch (WorkflowConflictException)
            {
                // Another host seeded it at the same moment.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Start → a review task for the Approver role → End, in the designer's JSON.</summary>
    private static JsonObject DemoApproval() => new()
    {
        ["definitionId"] = DemoDefinitionId,
        ["name"] = "示例审批",
        ["description"] = "A minimal flow to try the engine: one review task for an approver.",
        ["variables"] = new JsonArray(new JsonObject { ["id"] = "review", ["name"] = "review", ["typeName"] = "Object", ["value"] = null }),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                Activity("start", "Start", 0),
                Activity("review", "HumanTask", 250,
                    ("title", "String", JsonValue.Create("审核申请")),
                    ("candidateRoles", "String[]", new JsonArray("Approver")),
                    ("outcomes", "String[]", new JsonArray("Approve", "Reject")),
                    ("resultVariable", "String", JsonValue.Create("review"))),
                Activity("end", "End", 500)),
            ["connections"] = new JsonArray(Connect("start", "Done", "review"), Connect("review", "Approve", "end"), Connect("review", "Reject", "end")),
        },
    };

    private static JsonObject Activity(string id, string type, int x, params (string Name, string TypeName, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = 100 } } },
        };
        foreach (var (name, typeName, value) in inputs)
        {
            activity[name] = new JsonObject { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        }

        return activity;
    }

    private static JsonObject Connect(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
