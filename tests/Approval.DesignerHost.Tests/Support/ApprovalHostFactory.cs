using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>The real host on a fresh SQLite file in its own temp folder; the signing key is generated there too.</summary>
public sealed class ApprovalHostFactory : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly Dictionary<string, string?> _settings;

    public ApprovalHostFactory()
        : this([])
    {
    }

    internal ApprovalHostFactory(Dictionary<string, string?> settings) => _settings = settings;

    public string Folder { get; } = Directory.CreateTempSubdirectory("approval-host-tests-").FullName;

    /// <summary>A client signed in as a demo user (password = user name).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient();
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = userName });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            _tokens[userName] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Approval", $"Data Source={Path.Combine(Folder, "approval.db")}");
        builder.UseSetting("Approval:Database:Provider", "Sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool; the temp folder is cleaned by the OS in the end.
        }
    }
}
