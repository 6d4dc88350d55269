using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Walkthrough;

/// <summary>The HTTP API as the walkthrough uses it: one signed-in client per demo user, and answers that must succeed.</summary>
internal sealed class ApiClient(Uri baseAddress)
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<HttpClient> AsAsync(string user)
    {
        if (_clients.TryGetValue(user, out var existing))
        {
            return existing;
        }

        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var token = await SendAsync(client, HttpMethod.Post, "/api/auth/token", new JsonObject { ["userName"] = user, ["password"] = user });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        return _clients[user] = client;
    }

    public async Task<JsonNode> GetAsync(string user, string path) => await SendAsync(await AsAsync(user), HttpMethod.Get, path, null);

    public async Task<JsonNode> PostAsync(string user, string path, JsonNode? body = null) => await SendAsync(await AsAsync(user), HttpMethod.Post, path, body ?? new JsonObject());

    public async Task<string> GetTextAsync(string user, string path)
    {
        var response = await (await AsAsync(user)).GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new WalkthroughException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }
}

internal sealed class WalkthroughException(string message) : Exception(message);
