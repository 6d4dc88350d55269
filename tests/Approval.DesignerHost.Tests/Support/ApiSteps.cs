using System.Net;
using System.Text.Json.Nodes;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>The few API steps most tests take before the one they are about.</summary>
public static class ApiSteps
{
    /// <summary>Creates and publishes a definition as the given (analyst or admin) client.</summary>
    public static async Task PublishAsync(this HttpClient analyst, FlowBuilder flow)
    {
        var definition = flow.ToJsonObject();
        var id = definition["definitionId"].Text();
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", definition), HttpStatusCode.Created);
        await HttpAssert.JsonAsync(await analyst.PostAsync($"/api/workflow-definitions/{id}/publish", null));
    }

    public static async Task<JsonNode> ExecuteAsync(this HttpClient analyst, string definitionId, JsonObject? input = null, string? correlationId = null) =>
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync(
            $"/api/workflow-definitions/{definitionId}/execute",
            new JsonObject { ["input"] = input ?? [], ["correlationId"] = correlationId }));

    /// <summary>Starts an instance and returns the response as it is, for tests about refusals and races.</summary>
    public static Task<HttpResponseMessage> ExecuteRawAsync(this HttpClient analyst, string definitionId) =>
        analyst.PostJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new JsonObject { ["input"] = new JsonObject() });

    public static async Task<JsonNode> GetInstanceAsync(this HttpClient client, string instanceId) =>
        await HttpAssert.JsonAsync(await client.GetAsync($"/api/workflow-instances/{instanceId}"));

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string workItemId, string outcome, string? comment = null) =>
        client.PostJsonAsync($"/api/work-items/{workItemId}/complete", new JsonObject { ["outcome"] = outcome, ["comment"] = comment });
}
