using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>Every start looks up its definition's published version; with hundreds of versions that must stay an index seek on SQLite.</summary>
public sealed class DefinitionLookupPlanTests
{
    [Fact]
    public async Task FiveHundredVersionsAnalyzed_PublishedAndLatestLookupsSeekAnIndex()
    {
        var options = await TestDatabases.NewAsync(DatabaseProvider.Sqlite, runBackgroundServers: false);
        await using var host = await EngineHost.StartAsync(options);
        await host.PublishAsync(FlowBuilder.SingleTask("many-versions").ToJson());

        // 499 older versions beside the published one, and the statistics a maintained database has: with them, SQLite
        // once preferred scanning the table (every version's JSON) to the index on (DefinitionId, IsPublished).
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = connection.CreateCommand())
        {
            fill.CommandText = """
                WITH RECURSIVE n(v) AS (SELECT 2 UNION ALL SELECT v + 1 FROM n WHERE v < 500)
                INSERT INTO "DefinitionVersions" ("Id", "DefinitionId", "Version", "Name", "Description", "IsLatest", "IsPublished", "WasPublished", "Json", "CreatedAt", "UpdatedAt", "PublishedAt", "CreatedBy", "Revision")
                SELECT 'many-versions:v' || v, "DefinitionId", v, "Name", "Description", 0, 0, 1, "Json", "CreatedAt", "UpdatedAt", "PublishedAt", "CreatedBy", 1
                FROM "DefinitionVersions", n WHERE "DefinitionId" = 'many-versions';
                """;
            Assert.Equal(499, await fill.ExecuteNonQueryAsync());
            fill.CommandText = "ANALYZE";
            await fill.ExecuteNonQueryAsync();
        }

        await using var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create();
        var published = db.DefinitionVersions.Where(d => d.DefinitionId == "many-versions" && d.IsPublished).Select(d => d.Id).ToQueryString();
        var latest = db.DefinitionVersions.Where(d => d.DefinitionId == "many-versions" && d.IsLatest).Select(d => d.Id).ToQueryString();
        Assert.Contains("USING INDEX IX_DefinitionVersions_Published", await PlanAsync(connection, published));

        // The start's own lookup, in plain SQL outside EF Core.
        var startLookup = KeyLookups.PublishedHeaderByDefinition.Replace("@key", "'many-versions'", StringComparison.Ordinal);
        Assert.Contains("USING INDEX IX_DefinitionVersions_Published", await PlanAsync(connection, startLookup));
        Assert.Contains("USING INDEX IX_DefinitionVersions_Latest", await PlanAsync(connection, latest));
    }

    private static async Task<string> PlanAsync(SqliteConnection connection, string sql)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
