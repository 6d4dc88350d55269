using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>Designers publishing, retracting and saving while the definition is in use: every instance runs one published version, and no edit is lost.</summary>
[Collection(HostCollection.Name)]
public sealed class PublishRaceTests(ApprovalHostFactory host)
{
    private const int Starts = 100;

    [Fact]
    public async Task Publish_WhileInstancesStart_EachInstanceRunsTheWholeOfOnePublishedVersion()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("pubrace");
        await analyst.PublishAsync(Marked(id, "mark1"));
        await HttpAssert.JsonAsync(await analyst.PutAsync($"/api/workflow-definitions/{id}/draft", System.Net.Http.Json.JsonContent.Create(Marked(id, "mark2").ToJsonObject())));

        var (responses, publish) = await StartInWavesAsync(analyst, id, () => analyst.PostAsync($"/api/workflow-definitions/{id}/publish", null));
        await HttpAssert.JsonAsync(publish);

        var versions = new List<int>();
        foreach (var response in responses)
        {
            var run = await HttpAssert.JsonAsync(response);
            versions.Add(await AssertRanOneVersionAsync(analyst, id, run));
        }

        Assert.All(versions, v => Assert.Contains(v, new[] { 1, 2 }));
        var after = await analyst.ExecuteAsync(id);
        Assert.Equal(2, after["version"]!.GetValue<int>());
        await AssertRanOneVersionAsync(analyst, id, after);
    }

    [Fact]
    public async Task Retract_WhileInstancesStart_EachStartRunsThePublishedVersionOrIsAClear409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("retrace");
        await analyst.PublishAsync(Marked(id, "mark1"));

        var (responses, retract) = await StartInWavesAsync(analyst, id, () => analyst.PostAsync($"/api/workflow-definitions/{id}/retract", null));
        await HttpAssert.JsonAsync(retract);

        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
                Assert.Contains("no published version", problem["detail"].Text());
                continue;
            }

            var run = await HttpAssert.JsonAsync(response);
            Assert.Equal(1, await AssertRanOneVersionAsync(analyst, id, run));
        }

        var late = await HttpAssert.ProblemAsync(await analyst.ExecuteRawAsync(id), HttpStatusCode.Conflict);
        Assert.Contains("no published version", late["detail"].Text());
    }

    [Fact]
    public async Task ConcurrentPublish_OfOneDraft_ExactlyOneWinsAndTheOthersAre409()
    {
        var analyst = await host.ClientForAsync("analyst");
        var admin = await host.ClientForAsync("admin");
        var id = HttpAssert.UniqueId("dblpub");
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", Marked(id, "mark1").ToJsonObject()), HttpStatusCode.Created);

        for (var round = 1; round <= 3; round++)
        {
            if (round > 1)
            {
                await HttpAssert.JsonAsync(await analyst.PutAsync($"/api/workflow-definitions/{id}/draft", System.Net.Http.Json.JsonContent.Create(Marked(id, $"mark{round}").ToJsonObject())));
            }

            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? analyst : admin).PostAsync($"/api/workflow-definitions/{id}/publish", null)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var problem = await HttpAssert.ProblemAsync(loser, HttpStatusCode.Conflict);
                Assert.False(string.IsNullOrWhiteSpace(problem["detail"].Text()));
            }

            var versions = (await HttpAssert.JsonAsync(await analyst.GetAsync($"/api/workflow-definitions/{id}/versions"))).AsArray();
            Assert.Equal(round, versions.Count);
            var published = Assert.Single(versions, v => v!["isPublished"]!.GetValue<bool>());
            Assert.Equal(round, published!["version"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task ConcurrentSaves_OfOneDraft_EachSucceedsOnTheLatestOrIs409_NoneIsLost()
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("dblsave");
        await HttpAssert.JsonAsync(await analyst.PostJsonAsync("/api/workflow-definitions", Marked(id, "mark0").ToJsonObject()), HttpStatusCode.Created);
        var store = host.Services.GetRequiredService<IDefinitionStore>();
        var before = (await store.FindLatestAsync(id, CancellationToken.None))!.Revision;

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            analyst.PutAsync($"/api/workflow-definitions/{id}/draft", System.Net.Http.Json.JsonContent.Create(Marked(id, $"mark{i}", name: $"edit {i}").ToJsonObject()))));

        var saved = new List<string>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
                continue;
            }

            saved.Add((await HttpAssert.JsonAsync(response))["name"].Text());
        }

        // Every save that was answered 200 moved the revision on by one: none overwrote another unseen.
        var latest = (await store.FindLatestAsync(id, CancellationToken.None))!;
        Assert.NotEmpty(saved);
        Assert.Equal(before + saved.Count, latest.Revision);
        Assert.Contains(latest.Name, saved);
        Assert.Equal(1, latest.Version);
        var draft = await HttpAssert.JsonAsync(await analyst.GetAsync($"/api/workflow-definitions/{id}"));
        var mark = Assert.Single(draft["root"]!["activities"]!.AsArray(), a => a!["id"].Text().StartsWith("mark", StringComparison.Ordinal));
        Assert.Equal($"mark{latest.Name["edit ".Length..]}", mark!["id"].Text());
    }

    /// <summary>
    /// Sends the starts in waves of ten and the change together with the fourth wave, so starts are in flight before,
    /// during and after it whatever the machine's speed.
    /// </summary>
    private static async Task<(List<HttpResponseMessage> Starts, HttpResponseMessage Change)> StartInWavesAsync(HttpClient client, string id, Func<Task<HttpResponseMessage>> change)
    {
        var responses = new List<HttpResponseMessage>();
        Task<HttpResponseMessage>? changing = null;
        for (var wave = 0; wave < Starts / 10; wave++)
        {
            changing ??= wave == 3 ? change() : null;
            responses.AddRange(await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.ExecuteRawAsync(id))));
        }

        return (responses, await changing!);
    }

    /// <summary>Start → Log (an activity whose id names the version's flow) → End.</summary>
    private static FlowBuilder Marked(string id, string mark, string? name = null) =>
        new FlowBuilder(id, name ?? id)
            .Activity("start", "Start")
            .Activity(mark, "Log", ("message", mark))
            .Activity("end", "End")
            .Chain("start", mark, "end");

    /// <summary>The instance is stored on the version it reports, and ran that version's flow (and no other's).</summary>
    private static async Task<int> AssertRanOneVersionAsync(HttpClient client, string id, JsonNode run)
    {
        var version = run["version"]!.GetValue<int>();
        Assert.Equal("Completed", run["status"].Text());
        var ran = run["journal"]!.AsArray().Select(j => j!["activityId"]?.GetValue<string>()).Where(a => a?.StartsWith("mark", StringComparison.Ordinal) == true).Distinct().ToList();
        Assert.Equal([$"mark{version}"], ran);
        var instance = await client.GetInstanceAsync(run["instanceId"].Text());
        Assert.Equal($"{id}:v{version}", instance["definitionVersionId"].Text());
        return version;
    }
}
