using Approval.DesignerHost.Audit;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Approval.DesignerHost.Tests.Audit;

/// <summary>The <c>verify-audit</c> command on a host's database: 0 when everything verifies, 1 naming the tampered row, 2 when it cannot check.</summary>
public sealed class VerifyAuditCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await VerifyAuditCommand.RunAsync(["verify-audit", .. args], output, CancellationToken.None);
        return (code, output.ToString());
    }

    private static async Task TamperAsync(string databaseFile, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={databaseFile}");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Database_IntactThenTampered_ExitCodeAndOutputSayWhere()
    {
        await using var host = new ApprovalHostFactory();
        var analyst = await host.ClientForAsync("analyst");
        await analyst.PublishAsync(FlowBuilder.SingleTask("verify-command"));
        var id = (await analyst.ExecuteAsync("verify-command"))["instanceId"].Text();
        var file = Path.Combine(host.Folder, "approval.db");
        var database = $"--ConnectionStrings:Approval=Data Source={file}";

        var (code, output) = await RunAsync(database);
        Assert.True(code == 0, output);
        Assert.Contains("0 tampered", output);
        Assert.Contains("audit table:", output);

        await TamperAsync(file, $"""
            UPDATE "JournalSegments" SET "Lines" = json_set("Lines", '$[' || (1 - "FirstSequence") || '].actor', 'mallory')
            WHERE "InstanceId" = '{id.ToUpperInvariant()}' AND 1 BETWEEN "FirstSequence" AND "LastSequence"
            """);
        (code, output) = await RunAsync(database);
        Assert.Equal(1, code);
        Assert.Contains($"instance {id}: TAMPERED", output);
        Assert.Contains("journal line 1:", output);

        (code, output) = await RunAsync("--instance", id, database);
        Assert.Equal(1, code);
        Assert.Contains("journal line 1:", output);

        await TamperAsync(file, """UPDATE "AuditEntries" SET "Actor" = 'mallory' WHERE "Sequence" = 1""");
        (code, output) = await RunAsync("--instance", Guid.Empty.ToString(), database);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", output);
        (code, output) = await RunAsync(database);
        Assert.Equal(1, code);
        Assert.Contains("audit table: entry 1:", output);
    }

    [Fact]
    public async Task NoDatabaseOrBadArguments_ExitTwo_WithoutCreatingADatabase()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"approval-no-such-{Guid.NewGuid():N}.db");

        var (code, output) = await RunAsync($"--ConnectionStrings:Approval=Data Source={missing}");
        Assert.Equal(2, code);
        Assert.Contains("No database", output);
        Assert.False(File.Exists(missing));

        (code, output) = await RunAsync("--instance", "not-a-guid");
        Assert.Equal(2, code);
        Assert.Contains("usage", output);
    }
}
