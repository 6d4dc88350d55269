using System.Net;
using System.Text;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>Every guarded route against every role: anonymous is 401, a role without the right is 403, a role with it gets past authorisation.</summary>
/// <remarks>Bodies are minimal, so an allowed call may still be refused for its content (400/404/409); what matters here is that it is not 401 or 403.</remarks>
[Collection(HostCollection.Name)]
public sealed class AuthorizationMatrixTests(ApprovalHostFactory host)
{
    private static readonly string[] Users = ["analyst", "clerk", "reviewer", "chief", "supervisor", "admin"];

    public static TheoryData<string, string, string, string> Routes => new()
    {
        // method, route, body, users allowed
        { "POST", "/api/workflow-definitions", "{}", "analyst admin" },
        { "POST", "/api/workflow-definitions/no-such/publish", "", "analyst admin" },
        { "POST", "/api/workflow-definitions/import", "{}", "analyst admin" },
        { "POST", "/api/workflow-definitions/no-such/execute", "{}", "analyst admin" },
        { "POST", $"/api/workflow-instances/{Guid.Empty}/cancel", "{}", "analyst admin" },
        { "POST", $"/api/workflow-instances/{Guid.Empty}/withdraw", "{}", "analyst clerk admin" },
        { "POST", "/api/signals/matrix-test", """{"correlationId":"none"}""", "analyst clerk admin" },
        { "PUT", "/api/calendar/years/2040", """{"days":[]}""", "admin" },
        { "PUT", "/api/document-templates/AcceptanceReceipt?scope=matrix-test", "{}", "analyst admin" },
        { "GET", $"/api/workflow-instances/{Guid.Empty}/audit", "", "supervisor admin" },
        { "POST", $"/api/workflow-instances/{Guid.Empty}/audit/verify", "", "supervisor admin" },
        { "GET", "/api/admin/audit", "", "admin" },
        { "POST", "/api/admin/audit/verify", "", "admin" },
        { "GET", "/api/supervision/alerts", "", "supervisor admin" },
        { "GET", "/api/supervision/escalations", "", "supervisor admin" },
        { "GET", "/api/supervision/metrics?from=2026-01-01&to=2026-01-31", "", "supervisor admin" },
        { "POST", "/api/applications", "{}", "clerk chief admin" },
        { "POST", $"/api/applications/{Guid.Empty}/supplements", "{}", "clerk chief admin" },
        { "GET", "/api/tasks?scope=all", "", "reviewer chief supervisor admin" },
        { "GET", "/api/activity-types", "", "analyst clerk reviewer chief supervisor admin" },
        { "GET", "/api/matters", "", "analyst clerk reviewer chief supervisor admin" },
        { "GET", "/api/packages", "", "analyst clerk reviewer chief supervisor admin" },
        { "GET", "/api/notifications", "", "analyst clerk reviewer chief supervisor admin" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AnswersEachRoleAsItsPolicySays(string method, string route, string body, string allowed)
    {
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, method, route, body)).StatusCode);

        var allowedUsers = allowed.Split(' ');
        foreach (var user in Users)
        {
            var status = (await Send(await host.ClientForAsync(user), method, route, body)).StatusCode;
            if (allowedUsers.Contains(user))
            {
                Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{user} should pass authorisation on {method} {route}, got {(int)status}");
            }
            else
            {
                Assert.True(status == HttpStatusCode.Forbidden, $"{user} should be refused {method} {route}, got {(int)status}");
            }
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string route, string body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = method == "GET" ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        });
}
