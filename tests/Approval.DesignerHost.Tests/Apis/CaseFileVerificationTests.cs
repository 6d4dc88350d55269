using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>A closed case file verifies; a document edited in the database behind the system's back is caught, even with its hash recomputed.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseFileVerificationTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task ClosedCaseFile_Verifies_ThenATamperedRowIsDetected()
    {
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var food = (await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters/food-business-licence")));
        var required = food["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"].Text() }).ToArray();
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", new JsonObject
        {
            ["matterCode"] = food["code"].Text(),
            ["applicant"] = new JsonObject { ["name"] = "东莞市核验餐饮有限公司", ["idNumber"] = "91441900MA4VERIFYX" },
            ["materials"] = new JsonArray(required),
        }), HttpStatusCode.Created);
        var id = created["id"].Text();
        foreach (var outcome in new[] { "Passed", "Approve" })
        {
            var task = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/tasks?scope=candidate"))).AsArray().Single(t => t!["applicationId"].Text() == id)!;
            await HttpAssert.JsonAsync(await reviewer.PostJsonAsync($"/api/tasks/{task["id"].Text()}/complete", new JsonObject { ["outcome"] = outcome }));
        }

        var clean = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{id}/documents/verify"));
        Assert.True(clean["intact"]!.GetValue<bool>(), clean.ToJsonString());
        Assert.Equal(4, clean["documents"]!.GetValue<int>());

        // Someone edits the receipt in the database and, to cover their tracks, stores the new content's hash too.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "approval.db")}"))
        {
            await db.OpenAsync();
            var read = db.CreateCommand();
            read.CommandText = """SELECT "Id", "Content" FROM "Documents" WHERE "InstanceId" = $id AND "Kind" = 'AcceptanceReceipt'""";
            read.Parameters.AddWithValue("$id", id.ToUpperInvariant());
            string rowId, content;
            await using (var reader = await read.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                (rowId, content) = (reader.GetString(0), reader.GetString(1));
            }

            var forged = content.Replace("东莞市核验餐饮有限公司", "东莞市冒名餐饮有限公司", StringComparison.Ordinal);
            var update = db.CreateCommand();
            update.CommandText = """UPDATE "Documents" SET "Content" = $content, "Sha256" = $sha WHERE "Id" = $row""";
            update.Parameters.AddWithValue("$content", forged);
            update.Parameters.AddWithValue("$sha", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(forged))));
            update.Parameters.AddWithValue("$row", rowId);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var tampered = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/workflow-instances/{id}/documents/verify"));
        Assert.False(tampered["intact"]!.GetValue<bool>());
        Assert.Contains(tampered["findings"]!.AsArray(), f => f.Text().Contains("manifest", StringComparison.Ordinal));
    }
}
