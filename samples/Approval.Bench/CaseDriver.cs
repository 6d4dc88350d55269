using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Bench;

/// <summary>Takes applications through the HTTP contract as the people would: the clerk submits, the reviewer claims the
/// review task and approves it. One client per user, each with its bearer token.</summary>
public sealed class CaseDriver : IDisposable
{
    /// <summary>企业设立登记: receipt → review task → licence → archive, the shortest seeded matter with a decision.</summary>
    public const string MatterDefinitionId = "company-registration";

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SocketsHttpHandler _handler;

    private CaseDriver(SocketsHttpHandler handler) => _handler = handler;

    public string MatterCode { get; private set; } = "";

    public IReadOnlyList<string> RequiredMaterials { get; private set; } = [];

    public static async Task<CaseDriver> ConnectAsync(Uri url, int connections, CancellationToken cancellationToken)
    {
        var driver = new CaseDriver(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        foreach (var user in new[] { "clerk", "reviewer", "admin", "supervisor" })
        {
            var client = new HttpClient(driver._handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(120) };
            var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = user }, cancellationToken);
            token.EnsureSuccessStatusCode();
            var body = await token.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["accessToken"]!.GetValue<string>());
            driver._clients[user] = client;
        }

        var matter = (await driver.GetAsync("clerk", "/api/matters", cancellationToken)).AsArray()
            .FirstOrDefault(m => m!["definitionId"]!.GetValue<string>() == MatterDefinitionId)
            ?? throw new BenchFailedException($"The seeded matter '{MatterDefinitionId}' is missing: the host must seed the demo catalogue.");
        driver.MatterCode = matter["code"]!.GetValue<string>();
        driver.RequiredMaterials = [.. matter["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => m!["code"]!.GetValue<string>())];
        return driver;
    }

    /// <summary>The clerk submits a complete application; returns its id.</summary>
    public async Task<Guid> SubmitAsync(int n, CancellationToken cancellationToken)
    {
        var created = await PostAsync("clerk", "/api/applications", new JsonObject
        {
            ["matterCode"] = MatterCode,
            ["applicant"] = new JsonObject { ["name"] = $"压测企业{n}", ["idType"] = "身份证", ["idNumber"] = $"4419001990{n:D8}", ["phone"] = "13800000000" },
            ["materials"] = new JsonArray([.. RequiredMaterials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
        }, HttpStatusCode.Created, cancellationToken);
        if (created["status"]?.GetValue<string>() != "Accepted")
        {
            throw new BenchFailedException($"Application {n} should be accepted at once but is {created["status"]}.");
        }

        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    /// <summary>A seeded matter's code and its materials, by the definition id of its workflow.</summary>
    public async Task<BenchMatter> FindMatterAsync(string definitionId, CancellationToken cancellationToken)
    {
        var matter = (await GetAsync("clerk", "/api/matters", cancellationToken)).AsArray()
            .FirstOrDefault(m => m!["definitionId"]!.GetValue<string>() == definitionId)
            ?? throw new BenchFailedException($"The seeded matter '{definitionId}' is missing: the host must seed the demo catalogue.");
        var materials = matter["materials"]!.AsArray().OfType<JsonObject>().ToList();
        return new BenchMatter(
            matter["code"]!.GetValue<string>(),
            [.. materials.Where(m => m["required"]!.GetValue<bool>() && !m["tolerable"]!.GetValue<bool>()).Select(m => m["code"]!.GetValue<string>())],
            [.. materials.Where(m => m["required"]!.GetValue<bool>() && m["tolerable"]!.GetValue<bool>()).Select(m => m["code"]!.GetValue<string>())]);
    }

    /// <summary>The clerk submits application <paramref name="n"/> with the given materials under an <c>Idempotency-Key</c>,
    /// so a repeat after a lost answer finds the case the first attempt opened; returns the case as the host answered.</summary>
    public async Task<JsonNode> SubmitOnceAsync(int n, string matterCode, IEnumerable<string> materials, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["matterCode"] = matterCode,
                ["applicant"] = new JsonObject { ["name"] = $"压测企业{n}", ["idType"] = "身份证", ["idNumber"] = $"4419001990{n:D8}", ["phone"] = "13800000000" },
                ["materials"] = new JsonArray([.. materials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await _clients["clerk"].SendAsync(request, cancellationToken);
        return await ReadAsync(response, response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Created, "POST /api/applications", cancellationToken);
    }

    /// <summary>The review task the case waits on, read from the case.</summary>
    public async Task<Guid?> OpenTaskAsync(Guid application, CancellationToken cancellationToken)
    {
        var read = await GetAsync("reviewer", $"/api/applications/{application}", cancellationToken);
        var open = read["tasks"]!.AsArray().FirstOrDefault(t => t!["status"]!.GetValue<string>() == "Open");
        return open is null ? null : Guid.Parse(open["id"]!.GetValue<string>());
    }

    /// <summary>The reviewer claims and approves the task; returns the case status the decision left.</summary>
    public async Task<string> ApproveAsync(Guid task, CancellationToken cancellationToken)
    {
        await PostAsync("reviewer", $"/api/tasks/{task}/claim", null, HttpStatusCode.OK, cancellationToken);
        var run = await PostAsync("reviewer", $"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "Approve", ["comment"] = "同意" }, HttpStatusCode.OK, cancellationToken);
        return run["status"]?.GetValue<string>() ?? "";
    }

    public async Task<JsonNode> GetAsync(string user, string path, CancellationToken cancellationToken)
    {
        using var response = await _clients[user].GetAsync(path, cancellationToken);
        return await ReadAsync(response, HttpStatusCode.OK, $"GET {path}", cancellationToken);
    }

    public async Task<JsonNode> PostAsync(string user, string path, JsonNode? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var response = await _clients[user].PostAsync(path, body is null ? null : JsonContent.Create(body), cancellationToken);
        return await ReadAsync(response, expected, $"POST {path}", cancellationToken);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _handler.Dispose();
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new HttpStatusException(response.StatusCode, $"{what} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }
}

/// <summary>A seeded matter as a bench drives it: required materials that must be there, and those 容缺 may defer.</summary>
public sealed record BenchMatter(string Code, IReadOnlyList<string> Required, IReadOnlyList<string> Tolerable);

/// <summary>An HTTP answer other than the one expected, with its status for callers that retry some of them.</summary>
public sealed class HttpStatusException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
