using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Http;

/// <summary>Definitions a designer (or an attacker) should never get stored: a 4xx ProblemDetails that says why, and no row written.</summary>
/// <remarks>An invalid but readable definition is a legal draft (it cannot be published); those cases check the publish instead.</remarks>
[Collection(HostCollection.Name)]
public sealed class DefinitionFuzzTests(ApprovalHostFactory host)
{
    private const string Create = "/api/workflow-definitions";

    public static TheoryData<string, string> Unreadable()
    {
        var data = new TheoryData<string, string>
        {
            { "empty body", "" },
            { "truncated", """{"definitionId":"fz","root":{"activities":[""" },
            { "null", "null" },
            { "an array", "[]" },
            { "a number", "42" },
            { "a string", "\"definition\"" },
            { "trailing garbage", """{"definitionId":"fz","root":{}} x""" },
            { "single quotes", "{'definitionId':'fz'}" },
            { "NaN", """{"definitionId":"fz","version":NaN,"root":{}}""" },
            { "lone surrogate", "{\"definitionId\":\"fz\\uD800\",\"root\":{}}" },
            { "nesting 10,000 arrays deep", $$$"""{"definitionId":"fz","root":{"activities":[{{{new string('[', 10_000)}}}{{{new string(']', 10_000)}}}]}}""" },
            { "nesting 10,000 objects deep", """{"definitionId":"fz","root":""" + string.Concat(Enumerable.Repeat("""{"a":""", 10_000)) + "1" + new string('}', 10_000) + "}" },
            { "3,000 activities", Flow(Enumerable.Range(0, 3_000).Select(i => $$"""{"id":"a{{i}}","type":"Log"}""")) },
            { "12,000 connections", Flow([], Enumerable.Range(0, 12_000).Select(i => """{"source":{"activity":"s"},"target":{"activity":"e"}}""")) },
            { "an activity without a type", Flow(["""{"id":"a"}"""]) },
            { "an activity that is a string", Flow(["\"Log\""]) },
            { "a connection without a target", Flow(["""{"id":"a","type":"Start"}"""], ["""{"source":{"activity":"a","port":"Done"}}"""]) },
            { "a definition id with a slash", """{"definitionId":"../../etc/passwd","root":{}}""" },
            { "a definition id of 101 characters", $$$"""{"definitionId":"{{{new string('x', 101)}}}","root":{}}""" },
        };

        // Every field of the shape with a value of the wrong type.
        foreach (var (path, wrong) in WrongTypes())
        {
            data.Add($"{path} = {wrong}", WithValue(path, wrong));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Create_Unreadable_Is400ProblemAndStoresNothing(string what, string body)
    {
        var analyst = await host.ClientForAsync("analyst");
        var before = await CountDefinitionsAsync();

        // A case that is wrongly accepted must not make the next ones fail as duplicates.
        var response = await analyst.PostTextAsync(Create, body.Replace("\"fz\"", $"\"{HttpAssert.UniqueId("fz")}\"", StringComparison.Ordinal));

        var problem = await AssertProblemAsync(response, what);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(before, await CountDefinitionsAsync());
    }

    public static TheoryData<string, string, string> Unpublishable() => new()
    {
        // what, definition, the error code publish must give
        { "an unknown activity type", Flow(["""{"id":"s","type":"Start"}""", """{"id":"x","type":"System.Diagnostics.Process"}""", """{"id":"e","type":"End"}"""], [Link("s", "x"), Link("x", "e")]), "unknown-type" },
        { "two activities with one id", Flow(["""{"id":"s","type":"Start"}""", """{"id":"s","type":"Log"}""", """{"id":"e","type":"End"}"""], [Link("s", "e")]), "duplicate-id" },
        { "a connection from a port that does not exist", Flow(["""{"id":"s","type":"Start"}""", """{"id":"e","type":"End"}"""], [Link("s", "e", "Nowhere")]), "missing-port" },
        { "a connection into a port that does not exist", Flow(["""{"id":"s","type":"Start"}""", """{"id":"e","type":"End"}"""], ["""{"source":{"activity":"s","port":"Done"},"target":{"activity":"e","port":"Side"}}"""]), "missing-port" },
        { "a connection to a missing activity", Flow(["""{"id":"s","type":"Start"}""", """{"id":"e","type":"End"}"""], [Link("s", "e"), Link("s", "ghost")]), "missing-activity" },
        { "a loop with no way out", Flow(["""{"id":"s","type":"Start"}""", """{"id":"a","type":"Log"}""", """{"id":"b","type":"Log"}""", """{"id":"e","type":"End"}""", Decision("d")], [Link("s", "d"), Link("d", "e", "True"), Link("d", "a", "False"), Link("a", "b"), Link("b", "a")]), "no-way-out" },
        { "a decision whose both ways lead back into it", Flow(["""{"id":"s","type":"Start"}""", """{"id":"a","type":"Log"}""", """{"id":"e","type":"End"}""", Decision("d")], [Link("s", "a"), Link("a", "d"), Link("d", "a", "True"), Link("d", "a", "False")]), "no-end" },
        { "an expression that does not parse", Flow(["""{"id":"s","type":"Start"}""", """{"id":"l","type":"Log","message":{"typeName":"String","expression":{"type":"Scriban","value":"{{ for }}"}}}""", """{"id":"e","type":"End"}"""], [Link("s", "l"), Link("l", "e")]), "expression-syntax" },
        { "JavaScript", Flow(["""{"id":"s","type":"Start"}""", """{"id":"l","type":"Log","message":{"typeName":"String","expression":{"type":"JavaScript","value":"require('fs')"}}}""", """{"id":"e","type":"End"}"""], [Link("s", "l"), Link("l", "e")]), "unsupported-expression" },
    };

    [Theory]
    [MemberData(nameof(Unpublishable))]
    public async Task Publish_Invalid_Is422WithTheErrorAndPublishesNothing(string what, string body, string code)
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("bad");
        await HttpAssert.JsonAsync(await analyst.PostTextAsync(Create, body.Replace("\"fz\"", $"\"{id}\"", StringComparison.Ordinal)), HttpStatusCode.Created);

        var problem = await HttpAssert.ProblemAsync(await analyst.PostAsync($"/api/workflow-definitions/{id}/publish", null), HttpStatusCode.UnprocessableEntity);

        Assert.True(problem["errors"]!.AsArray().Any(e => e!["code"].Text() == code), $"{what}: expected error {code} in {problem}");
        await HttpAssert.ProblemAsync(await analyst.GetAsync($"/api/workflow-definitions/{id}?version=published"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Loop_WithAWayOut_IsPublishable()
    {
        // 退回补正: the review can send the case back any number of times, and approve it in the end.
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("loop");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("fix", "Log", ("message", "补正"))
            .Activity("review", "HumanTask", ("title", "审查"), ("assignee", "reviewer"))
            .Activity("end", "End")
            .Chain("start", "fix", "review")
            .Connect("review", "fix", "Reject")
            .Connect("review", "end", "Approve"));
    }

    /// <summary>Scriban statements (an expression is script-only; a template puts them between braces).</summary>
    public static TheoryData<string, string> Scripts => new()
    {
        { "include a file", "include '/etc/passwd'" },
        { "a .NET member", "'x'.GetType().Assembly" },
        { "a .NET member of the clock", "date.now.Ticks.GetType" },
        { "endless loop", "while true; end; 1" },
        { "nested loops", "for i in 1..10000; for j in 1..10000; end; end; 1" },
        { "a string doubling itself", "x = 'a'; for i in 1..64; x = x + x; end; x" },
        { "a padded string", "'a' | string.pad_left 2000000000" },
        { "a huge range", "(1..2000000000) | array.size" },
        { "recursion", "func f(n); ret f(n + 1); end; f(1)" },
        { "a regex that backtracks", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '(a+)+$'" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Execute_ScriptThatReachesOutOrNeverEnds_StopsWithAnIncidentNeverA500(string what, string script)
    {
        var analyst = await host.ClientForAsync("analyst");
        var id = HttpAssert.UniqueId("script");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("log", "Log", ("message", FlowBuilder.Scriban(script)))
            .Activity("end", "End")
            .Chain("start", "log", "end"));

        var response = await analyst.ExecuteRawAsync(id);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{what}: got {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.DoesNotContain("root:", body);
        Assert.True(body.Length < 1_000_000, $"{what}: the answer is {body.Length} characters long: {Clip(body)} … {body[^300..]}");
        // Either the sandbox stopped it (an incident that says why) or it ran to a bounded end (import of the globals, a capped string).
        var run = JsonNode.Parse(body)!;
        var status = run["status"].Text();
        Assert.True(status is "Faulted" or "Completed", $"{what}: {Clip(body)}");
        if (status == "Faulted")
        {
            Assert.False(string.IsNullOrWhiteSpace(run["incident"]!["error"].Text()));
        }
    }

    /// <summary>The scripts a template trial stops; a string that doubles itself is capped by the sandbox and renders.</summary>
    public static TheoryData<string, string> RefusedScripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Scripts.Where(r => (string)r[0] != "a string doubling itself"))
        {
            data.Add((string)row[0], (string)row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedScripts))]
    public async Task SaveTemplate_ScriptThatReachesOutOrNeverEnds_Is400AndStoresNothing(string what, string script)
    {
        var analyst = await host.ClientForAsync("analyst");
        var before = await CountTemplatesAsync();

        var response = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/document-templates/AcceptanceReceipt?scope=fuzz")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["title"] = "受理凭证", ["content"] = $"<p>{{{{ {script} }}}}</p>" }),
        });

        var problem = await AssertProblemAsync(response, what);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(before, await CountTemplatesAsync());
    }

    [Fact]
    public async Task SaveTemplate_EveryShippedTemplate_PassesTheTrialRender()
    {
        var analyst = await host.ClientForAsync("analyst");
        foreach (var template in Approval.Activities.Documents.DefaultDocumentTemplates.All)
        {
            var response = await analyst.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/document-templates/{template.Kind}?scope=fuzz-shipped")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["title"] = template.Title, ["content"] = template.Content }),
            });

            await HttpAssert.JsonAsync(response, HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task SeededFuzz_MutatedDefinitions_NeverA500_AndOnlySuccessesAreStored()
    {
        var analyst = await host.ClientForAsync("analyst");
        var mutator = new JsonMutator(seed: 20_250_707);
        var before = await CountDefinitionsAsync();
        var created = 0;

        for (var sample = 0; sample < 300; sample++)
        {
            var id = $"fuzz-{sample:D3}-{Guid.NewGuid():N}"[..21];
            var body = mutator.Mutate(Valid(id));
            var (method, url) = (sample % 3) switch
            {
                0 => (HttpMethod.Post, Create),
                1 => (HttpMethod.Put, $"/api/workflow-definitions/{id}/draft"),
                _ => (HttpMethod.Post, "/api/workflow-definitions/validate"),
            };
            var response = await analyst.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

            if ((int)response.StatusCode >= 400)
            {
                await AssertProblemAsync(response, $"sample {sample} ({method} {url}): {Clip(body)}");
            }
            else if (url != "/api/workflow-definitions/validate")
            {
                created++;
            }
        }

        Assert.Equal(before + created, await CountDefinitionsAsync());
    }

    [Theory]
    [InlineData("POST", Create)]
    [InlineData("PUT", "/api/workflow-definitions/oversize/draft")]
    [InlineData("POST", "/api/workflow-definitions/import")]
    public async Task Oversize_DeclaredOrStreamed_Is413ProblemAndStoresNothing(string method, string url)
    {
        var analyst = await host.ClientForAsync("analyst");
        var before = await CountDefinitionsAsync();
        var huge = Valid("oversize");
        huge["description"] = new string('x', 10 * 1024 * 1024);
        var text = huge.ToJsonString();

        var declared = await analyst.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(text, Encoding.UTF8, "application/json") });
        var streamed = await analyst.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = System.Net.Http.Json.JsonContent.Create(huge) });

        Assert.Contains("larger than", (await HttpAssert.ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge))["detail"].Text());
        Assert.Contains("larger than", (await HttpAssert.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge))["detail"].Text());
        Assert.Equal(before, await CountDefinitionsAsync());
    }

    private static JsonObject Valid(string id) =>
        new FlowBuilder(id, "模糊测试")
            .Variable("count", 0)
            .Activity("start", "Start")
            .Activity("log", "Log", ("message", FlowBuilder.Scriban("{{ input.name }}")))
            .Activity("task", "HumanTask", ("title", "审批"), ("candidateRoles", new JsonArray("Approver")))
            .Activity("end", "End")
            .Chain("start", "log", "task")
            .Connect("task", "end", "Approve")
            .Connect("task", "end", "Reject")
            .ToJsonObject();

    /// <summary>Every place in the shape, with values of types it must not hold.</summary>
    private static IEnumerable<(string Path, string Wrong)> WrongTypes()
    {
        string[] notString = ["42", "true", "[]", "{}"];
        string[] notArray = ["42", "\"x\"", "{}", "true"];
        string[] notObject = ["42", "\"x\"", "[]", "true"];
        foreach (var wrong in notString)
        {
            yield return ("definitionId", wrong);
            yield return ("name", wrong);
            yield return ("description", wrong);
            yield return ("root.activities.0.id", wrong);
            yield return ("root.activities.0.type", wrong);
            yield return ("root.activities.1.name", wrong);
            yield return ("root.connections.0.source.activity", wrong);
            yield return ("root.connections.0.source.port", wrong);
            yield return ("root.connections.0.target.port", wrong);
            yield return ("variables.0.name", wrong);
            yield return ("root.activities.1.message.expression.type", wrong);
        }

        foreach (var wrong in notArray)
        {
            yield return ("root.activities", wrong);
            yield return ("root.connections", wrong);
            yield return ("variables", wrong);
        }

        foreach (var wrong in notObject)
        {
            yield return ("root", wrong);
            yield return ("root.activities.1", wrong);
            yield return ("root.connections.0", wrong);
            yield return ("root.connections.0.source", wrong);
            yield return ("variables.0", wrong);
            yield return ("customProperties", wrong);
            yield return ("root.activities.1.metadata", wrong);
            yield return ("root.activities.1.message.expression", wrong);
        }

        yield return ("version", "\"two\"");
        yield return ("version", "1.5");
    }

    private static string WithValue(string path, string json)
    {
        JsonNode document = Valid("fz");
        var steps = path.Split('.');
        var parent = steps[..^1].Aggregate(document, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        var value = JsonNode.Parse(json);
        if (int.TryParse(steps[^1], out var index))
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent[steps[^1]] = value;
        }

        return document.ToJsonString();
    }

    private static string Flow(IEnumerable<string> activities, IEnumerable<string>? connections = null) =>
        $$$"""{"definitionId":"fz","root":{"type":"Flowchart","activities":[{{{string.Join(",", activities)}}}],"connections":[{{{string.Join(",", connections ?? [])}}}]}}""";

    private static string Link(string from, string to, string port = "Done") =>
        $$$"""{"source":{"activity":"{{{from}}}","port":"{{{port}}}"},"target":{"activity":"{{{to}}}","port":"In"}}""";

    private static string Decision(string id) =>
        "{\"id\":\"" + id + "\",\"type\":\"Decision\",\"condition\":{\"typeName\":\"Boolean\",\"expression\":{\"type\":\"Scriban\",\"value\":\"input.go\"}}}";

    /// <summary>A 4xx ProblemDetails with a title and a detail, never a 500.</summary>
    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: expected a 4xx, got {(int)response.StatusCode}: {Clip(text)}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: not ProblemDetails: {Clip(text)}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), $"{what}: no title");
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), $"{what}: no detail in {Clip(text)}");
        return problem;
    }

    internal static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private async Task<int> CountDefinitionsAsync()
    {
        await using var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create();
        return await db.DefinitionVersions.CountAsync();
    }

    private async Task<int> CountTemplatesAsync()
    {
        await using var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create();
        return await db.DocumentTemplates.CountAsync();
    }
}
