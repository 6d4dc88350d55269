using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Ui.Tests.Support;

/// <summary>The real host on a real port (Kestrel), on a fresh SQLite file, with simulated time so a test can move the clock.</summary>
public sealed class UiHost : WebApplicationFactory<Program>
{
    public UiHost()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string Folder { get; } = Directory.CreateTempSubdirectory("approval-ui-tests-").FullName;

    /// <summary>An API client signed in as a demo user (password = user name), for arranging data a test does not click through.</summary>
    public async Task<HttpClient> ApiClientForAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = userName });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the packages' static assets (_content/…) straight from the NuGet folder.
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Approval", $"Data Source={Path.Combine(Folder, "approval.db")}");
        builder.UseSetting("Approval:Database:Provider", "Sqlite");
        builder.UseSetting("Approval:Clock:Mode", "Simulated");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
