using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>Assertions on responses, returning the JSON so the test can look further.</summary>
public static class HttpAssert
{
    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a ProblemDetails response with the status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body) =>
        client.PostAsync(url, body is null ? null : JsonContent.Create(body));

    public static Task<HttpResponseMessage> PostTextAsync(this HttpClient client, string url, string text) =>
        client.PostAsync(url, new StringContent(text, System.Text.Encoding.UTF8, "application/json"));

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("The value is missing.");

    /// <summary>A definition id no other test uses.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
