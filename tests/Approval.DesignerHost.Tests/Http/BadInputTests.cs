using System.Net;
using System.Text;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Http;

/// <summary>Whatever a client sends, the answer is a 4xx ProblemDetails that says what is wrong — never a 500.</summary>
/// <remarks>An invalid draft is accepted by design (it cannot be published), and validation answers 200 with its findings; both have their own tests.</remarks>
[Collection(HostCollection.Name)]
public sealed class BadInputTests(ApprovalHostFactory host)
{
    private static readonly string Deep = new string('[', 5000) + new string(']', 5000);

    public static TheoryData<string, string, string, string> Bodies => new()
    {
        // user, method + route, body, what the case is
        { "clerk", "POST /api/applications", "{", "truncated JSON" },
        { "clerk", "POST /api/applications", "[]", "an array instead of an object" },
        { "clerk", "POST /api/applications", """{"matterCode":42}""", "a number for a string" },
        { "clerk", "POST /api/applications", """{"matterCode":"x","materials":"M01"}""", "a string for a list" },
        { "clerk", "POST /api/applications", """{"matterCode":"x","applicant":{"name":["a"]}}""", "a list for a string" },
        { "clerk", "POST /api/applications", $$"""{"matterCode":"x","materials":{{Deep}}}""", "nesting 5,000 deep" },
        { "clerk", "POST /api/applications", """{"matterCode":"x","materials":[""" + string.Join(",", Enumerable.Repeat("""{"code":"M01"}""", 20000)) + "]}", "20,000 materials" },
        { "clerk", "POST /api/applications", """{"matterCode":"food-business-licence","applicant":{"name":"<script>alert(1)</script>","idNumber":"x"},"materials":[{"code":"{{ 1 + 1 }}"}]}""", "script in names and codes" },
        { "analyst", "POST /api/workflow-definitions", "{", "truncated definition" },
        { "analyst", "POST /api/workflow-definitions", $$"""{"definitionId":"deep","root":{{Deep}}}""", "a definition nested 5,000 deep" },
        { "admin", "PUT /api/calendar/years/2045", """{"days":[{"date":"2045-13-45","kind":"holiday","name":"x"}]}""", "an impossible date" },
        { "admin", "PUT /api/calendar/years/99999", """{"days":[]}""", "a year out of range" },
        { "analyst", "PUT /api/document-templates/AcceptanceReceipt?scope=fuzz", """{"title":"x","content":"{{ for }}"}""", "a template that does not parse" },
        { "reviewer", "POST /api/tasks/00000000-0000-0000-0000-000000000000/complete", """{"outcome":{"nested":true}}""", "an object for an outcome" },
        { "admin", "POST /api/admin/clock/advance", """{"days":"soon"}""", "a word for a number" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task BadBody_Is4xxProblemDetails(string user, string request, string body, string what)
    {
        var client = await host.ClientForAsync(user);
        var parts = request.Split(' ', 2);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: expected a 4xx, got {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", text);
    }
}
