using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Http;

/// <summary>Applications as a window clerk's client might garble them: a 4xx ProblemDetails that says why, and no case opened.</summary>
[Collection(HostCollection.Name)]
public sealed class ApplicationFuzzTests(ApprovalHostFactory host)
{
    private const string Submit = "/api/applications";

    public static TheoryData<string, string> Unreadable() => new()
    {
        { "empty body", "" },
        { "truncated", """{"matterCode":"x","applicant":{""" },
        { "null", "null" },
        { "a number", "7" },
        { "matterCode a number", """{"matterCode":7}""" },
        { "matterCode an object", """{"matterCode":{}}""" },
        { "applicant a string", """{"matterCode":"x","applicant":"someone"}""" },
        { "applicant.idNumber a number", """{"matterCode":"x","applicant":{"name":"a","idNumber":91441900}}""" },
        { "materials an object", """{"matterCode":"x","materials":{"code":"M01"}}""" },
        { "a material a string", """{"matterCode":"x","materials":["M01"]}""" },
        { "copies a word", """{"matterCode":"x","materials":[{"code":"M01","copies":"two"}]}""" },
        { "copies too big", """{"matterCode":"x","materials":[{"code":"M01","copies":99999999999}]}""" },
        { "form an array", """{"matterCode":"x","form":[]}""" },
        { "eLicences a string", """{"matterCode":"x","eLicences":"all"}""" },
        { "a lone surrogate", "{\"matterCode\":\"x\\uD800\",\"applicant\":{\"name\":\"a\"}}" },
        { "form nested 10,000 deep", """{"matterCode":"x","form":""" + string.Concat(Enumerable.Repeat("""{"a":""", 10_000)) + "1" + new string('}', 10_000) + "}" },
        { "form nested 100 deep (over the JSON depth limit)", """{"matterCode":"x","form":""" + string.Concat(Enumerable.Repeat("""{"a":""", 100)) + "1" + new string('}', 100) + "}" },
        { "materials 10,000 arrays deep", $$$"""{"matterCode":"x","materials":{{{new string('[', 10_000)}}}{{{new string(']', 10_000)}}}}""" },
        { "neither matter nor package", """{"applicant":{"name":"a","idNumber":"1"},"materials":[]}""" },
        { "an unknown matter", """{"matterCode":"no-such-matter","applicant":{"name":"a","idNumber":"1"},"materials":[]}""" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task Submit_Unreadable_Is4xxProblemAndOpensNoCase(string what, string body)
    {
        var clerk = await host.ClientForAsync("clerk");
        var before = await CountInstancesAsync();

        var response = await clerk.PostTextAsync(Submit, body);

        await DefinitionFuzzTests.AssertProblemAsync(response, what);
        Assert.Equal(before, await CountInstancesAsync());
    }

    [Fact]
    public async Task Submit_ScriptInNamesAndCodes_IsStoredAsTextAndPrintedEscaped()
    {
        var matter = await host.PublishFoodMatterAsync();
        var clerk = await host.ClientForAsync("clerk");
        var application = MatterSamples.Application(matter, "M01", "M02", "M03", "M04");
        application["applicant"]!["name"] = "<script>alert(1)</script>{{ include '/etc/passwd' }}";

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync(Submit, application), HttpStatusCode.Created);

        var document = created["documents"]!.AsArray().First()!;
        var html = await (await clerk.GetAsync($"/api/applications/{created["id"].Text()}/documents/{document["id"].Text()}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("root:", html);
    }

    [Fact]
    public async Task SeededFuzz_MutatedApplications_NeverA500_AndOnlySuccessesOpenCases()
    {
        var matter = await host.PublishFoodMatterAsync();
        var clerk = await host.ClientForAsync("clerk");
        var mutator = new JsonMutator(seed: 7_070_707);
        var valid = MatterSamples.Application(matter, "M01", "M03", "M04");
        valid["form"] = new JsonObject { ["shopName"] = "某某餐饮", ["area"] = 120, ["items"] = new JsonArray("热食类", "冷食类") };
        valid["eLicences"] = new JsonArray("健康证");
        var before = await CountInstancesAsync();
        var created = 0;

        for (var sample = 0; sample < 300; sample++)
        {
            var body = mutator.Mutate(valid);
            var response = await clerk.PostTextAsync(Submit, body);

            if ((int)response.StatusCode >= 400)
            {
                await DefinitionFuzzTests.AssertProblemAsync(response, $"sample {sample}: {DefinitionFuzzTests.Clip(body)}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"sample {sample}: {(int)response.StatusCode}");
                created++;
            }
        }

        Assert.Equal(before + created, await CountInstancesAsync());
    }

    [Fact]
    public async Task Oversize_DeclaredOrStreamed_Is413ProblemAndOpensNoCase()
    {
        var matter = await host.PublishFoodMatterAsync();
        var clerk = await host.ClientForAsync("clerk");
        var huge = MatterSamples.Application(matter, "M01");
        huge["form"] = new JsonObject { ["notes"] = new string('x', 10 * 1024 * 1024) };
        var before = await CountInstancesAsync();

        var declared = await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Post, Submit) { Content = new StringContent(huge.ToJsonString(), Encoding.UTF8, "application/json") });
        var streamed = await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Post, Submit) { Content = System.Net.Http.Json.JsonContent.Create(huge) });

        Assert.Contains("larger than", (await HttpAssert.ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge))["detail"].Text());
        Assert.Contains("larger than", (await HttpAssert.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge))["detail"].Text());
        Assert.Equal(before, await CountInstancesAsync());
    }

    private async Task<int> CountInstancesAsync()
    {
        await using var db = host.Services.GetRequiredService<EngineDbContextFactory>().Create();
        return await db.Instances.CountAsync();
    }
}
