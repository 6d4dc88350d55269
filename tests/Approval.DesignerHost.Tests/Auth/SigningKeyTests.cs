using System.Net;
using System.Net.Http.Headers;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>Each of these starts hosts of its own, since the key is what differs between them.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task Key_WhenNotConfigured_IsGeneratedBesideTheDatabase_AndTokensOfAnotherHostAreRefused()
    {
        await using var generated = new ApprovalHostFactory();
        await using var configured = new ApprovalHostFactory(new() { ["Approval:Auth:SigningKey"] = "a configured key that is long enough for HS256" });

        var fromGenerated = await generated.ClientForAsync("admin");
        await HttpAssert.JsonAsync(await fromGenerated.GetAsync("/api/activity-types"));
        var keyFile = Path.Combine(generated.Folder, "approval.signing-key");
        Assert.True(File.Exists(keyFile), "the generated key is kept beside approval.db");
        Assert.True(Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length >= 32);

        var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = fromGenerated.DefaultRequestHeaders.Authorization;
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/activity-types"), HttpStatusCode.Unauthorized);
        var own = await configured.ClientForAsync("admin");
        await HttpAssert.JsonAsync(await own.GetAsync("/api/activity-types"));
        Assert.False(File.Exists(Path.Combine(configured.Folder, "approval.signing-key")), "a configured key needs no file");
    }

    [Fact]
    public async Task Key_GeneratedOnce_SurvivesARestart()
    {
        await using var first = new ApprovalHostFactory();
        var token = (await first.ClientForAsync("reviewer")).DefaultRequestHeaders.Authorization;

        // A second host on the same folder (database and key file) accepts the first one's token.
        await using var second = new ApprovalHostFactory(new() { ["ConnectionStrings:Approval"] = $"Data Source={Path.Combine(first.Folder, "approval.db")}" });
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Parameter);

        await HttpAssert.JsonAsync(await client.GetAsync("/api/auth/me"));
    }
}
