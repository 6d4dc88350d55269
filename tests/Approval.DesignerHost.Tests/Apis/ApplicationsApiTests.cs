using System.Net;
using System.Text.Json.Nodes;
using Approval.Activities.Tests.Support;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>Matters in the catalogue and applications received for them, through the contract's endpoints.</summary>
[Collection(HostCollection.Name)]
public sealed class ApplicationsApiTests(ApprovalHostFactory host)
{
    [Fact]
    public async Task Matter_IsListedWithItsGuide()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync();

        var matters = (await HttpAssert.JsonAsync(await clerk.GetAsync("/api/matters"))).AsArray();
        var listed = Assert.Single(matters, m => m!["code"].Text() == code)!;
        Assert.Equal(20, listed["statutoryLimitDays"]!.GetValue<int>());
        Assert.Equal(10, listed["committedLimitDays"]!.GetValue<int>());
        Assert.True(listed["allowsDeficiencyTolerance"]!.GetValue<bool>());
        Assert.Equal(5, listed["materials"]!.AsArray().Count);
        Assert.Equal(1, listed["version"]!.GetValue<int>());
        await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/matters/{code}"));
        await HttpAssert.ProblemAsync(await clerk.GetAsync("/api/matters/no-such-matter"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompleteSubmission_AcceptedAtOnce_WithReceiptAndDueDates()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync();

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);

        Assert.Equal("Accepted", created["status"].Text());
        Assert.Matches(@"^SJ\d{8}\d{4}$", created["caseNumber"].Text());
        Assert.NotNull(created["acceptedAt"]);
        Assert.NotNull(created["committedDueDate"]);
        Assert.NotNull(created["statutoryDueDate"]);
        var receipt = Assert.Single(created["documents"]!.AsArray())!;
        Assert.Equal("AcceptanceReceipt", receipt["kind"].Text());
        var html = await (await clerk.GetAsync($"/api/applications/{created["id"].Text()}/documents/{receipt["id"].Text()}")).Content.ReadAsStringAsync();
        Assert.Contains(created["caseNumber"].Text(), html);
        Assert.Contains("窗口受理员", html); // the receiving clerk is the handler (首问负责)

        var again = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        Assert.NotEqual(created["caseNumber"].Text(), again["caseNumber"].Text());
        var read = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{created["id"].Text()}"));
        Assert.Equal("Normal", read["warningLevel"].Text());
        Assert.NotEmpty(read["timeline"]!.AsArray());
        Assert.Single(read["tasks"]!.AsArray());
    }

    [Fact]
    public async Task MissingMaterial_CorrectionRequested_ThenSupplement_Accepted()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync();

        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M04")), HttpStatusCode.Created);
        Assert.Equal("CorrectionRequested", created["status"].Text());
        Assert.Equal(["从业人员健康证明"], created["missingMaterials"]!.AsArray().Select(m => m!["name"].Text()));
        Assert.Equal("CorrectionNotice", Assert.Single(created["documents"]!.AsArray())!["kind"].Text());
        Assert.Null(created["committedDueDate"]);

        var supplied = await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/applications/{created["id"].Text()}/supplements", new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M03" }) }));
        Assert.Equal("Accepted", supplied["status"].Text());
        Assert.NotNull(supplied["committedDueDate"]);
        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync($"/api/applications/{created["id"].Text()}/supplements", new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = "M03" }) }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Withdrawal_BeforeTheDecision_IsWithdrawn()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync();
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);

        var withdrawn = await HttpAssert.JsonAsync(await clerk.PostJsonAsync($"/api/applications/{created["id"].Text()}/withdraw", new JsonObject { ["reason"] = "暂不经营" }));

        Assert.Equal("Withdrawn", withdrawn["status"].Text());
        Assert.All(withdrawn["tasks"]!.AsArray(), t => Assert.Equal("Cancelled", t!["status"].Text()));
    }

    [Fact]
    public async Task BadSubmissions_SayWhatIsWrong()
    {
        var clerk = await host.ClientForAsync("clerk");
        var reviewer = await host.ClientForAsync("reviewer");
        var code = await host.PublishFoodMatterAsync();

        var incomplete = MatterSamples.Application(code, "M01", "X99");
        ((JsonObject)incomplete["applicant"]!).Remove("name");
        var problem = await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", incomplete), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => e.Text()).ToList();
        Assert.Contains(errors, e => e.Contains("applicant.name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("X99", StringComparison.Ordinal));

        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application("no-such-matter", "M01")), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await reviewer.PostJsonAsync("/api/applications", MatterSamples.Application(code, "M01")), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await clerk.GetAsync($"/api/applications/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RepeatedSubmission_WithTheSameIdempotencyKey_OpensOneCase()
    {
        var clerk = await host.ClientForAsync("clerk");
        var code = await host.PublishFoodMatterAsync();
        var key = $"window-7-{Guid.NewGuid():N}";

        var first = await HttpAssert.JsonAsync(await SubmitWithKeyAsync(clerk, code, key), HttpStatusCode.Created);
        var repeats = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SubmitWithKeyAsync(clerk, code, key)));
        var other = await HttpAssert.JsonAsync(await SubmitWithKeyAsync(clerk, code, key + "-b"), HttpStatusCode.Created);

        foreach (var repeat in repeats)
        {
            var again = await HttpAssert.JsonAsync(repeat, HttpStatusCode.OK);
            Assert.Equal(first["id"].Text(), again["id"].Text());
            Assert.Equal(first["caseNumber"].Text(), again["caseNumber"].Text());
        }

        Assert.NotEqual(first["id"].Text(), other["id"].Text());
        var read = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/applications/{first["id"].Text()}"));
        Assert.Single(read["documents"]!.AsArray(), d => d!["kind"].Text() == "AcceptanceReceipt");
        Assert.Single(read["tasks"]!.AsArray());
        await HttpAssert.ProblemAsync(await SubmitWithKeyAsync(clerk, code, new string('k', 201)), HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> SubmitWithKeyAsync(HttpClient clerk, string code, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = System.Net.Http.Json.JsonContent.Create(MatterSamples.Application(code, "M01", "M02", "M03", "M04")) };
        request.Headers.Add("Idempotency-Key", key);
        return clerk.SendAsync(request);
    }
}
