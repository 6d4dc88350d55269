using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>Every API route against every role: anonymous is 401, a role without the right is 403, a role with it gets past authorisation.</summary>
/// <remarks>
/// Bodies are minimal and ids point at nothing, so an allowed call may still be refused for its content (400/404/409);
/// what matters here is that it is not 401 or 403. <see cref="EveryApiRoute_HasARowInTheMatrix"/> keeps the table
/// complete: a new route fails the build until someone decides who may call it.
/// </remarks>
[Collection(HostCollection.Name)]
public sealed partial class AuthorizationMatrixTests(ApprovalHostFactory host)
{
    /// <summary>An approver of another bureau: at route level the same as <c>reviewer</c>; the cases it may see differ (see the task and case tests).</summary>
    private const string Outsider = "outsider";

    private const string Everyone = "analyst clerk reviewer chief supervisor admin outsider";

    private static readonly string[] Users = ["analyst", "clerk", "reviewer", "chief", "supervisor", "admin", Outsider];

    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["definitionId"] = "no-such",
        ["code"] = "no-such",
        ["kind"] = "AcceptanceReceipt",
        ["name"] = "matrix-test",
        ["date"] = "2026-01-05",
    };

    public static TheoryData<string, string, string, string, string> Routes => new()
    {
        // method, route pattern (as the host maps it), query, body, users allowed ("anonymous" = no token needed)
        { "POST", "/api/auth/token", "", """{"userName":"clerk","password":"clerk"}""", "anonymous" },
        { "GET", "/api/auth/me", "", "", Everyone },
        { "GET", "/api/activity-types", "", "", Everyone },

        { "GET", "/api/workflow-definitions/", "", "", Everyone },
        { "GET", "/api/workflow-definitions/{definitionId}", "", "", Everyone },
        { "GET", "/api/workflow-definitions/{definitionId}/versions", "", "", Everyone },
        { "POST", "/api/workflow-definitions/validate", "", "{}", Everyone },
        { "POST", "/api/workflow-definitions/", "", "{}", "analyst admin" },
        { "PUT", "/api/workflow-definitions/{definitionId}/draft", "", "{}", "analyst admin" },
        { "POST", "/api/workflow-definitions/{definitionId}/publish", "", "", "analyst admin" },
        { "POST", "/api/workflow-definitions/{definitionId}/retract", "", "", "analyst admin" },
        { "POST", "/api/workflow-definitions/{definitionId}/rollback", "", """{"version":1}""", "analyst admin" },
        { "POST", "/api/workflow-definitions/import", "", "{}", "analyst admin" },
        { "POST", "/api/workflow-definitions/{definitionId}/execute", "", "{}", "analyst admin" },

        { "GET", "/api/workflow-instances/{instanceId:guid}", "", "", Everyone },
        { "POST", "/api/workflow-instances/{instanceId:guid}/cancel", "", "{}", "analyst admin" },
        { "POST", "/api/workflow-instances/{instanceId:guid}/withdraw", "", "{}", "analyst clerk admin" },
        { "POST", "/api/workflow-instances/{instanceId:guid}/bookmarks/{bookmarkId:guid}/resume", "", "{}", "analyst admin" },
        { "POST", "/api/workflow-instances/{instanceId:guid}/retry", "", "", "analyst admin" },
        { "GET", "/api/workflow-instances/{instanceId:guid}/documents", "", "", Everyone },
        { "GET", "/api/workflow-instances/{instanceId:guid}/documents/verify", "", "", Everyone },
        { "GET", "/api/workflow-instances/{instanceId:guid}/audit", "", "", "supervisor admin" },
        { "POST", "/api/workflow-instances/{instanceId:guid}/audit/verify", "", "", "supervisor admin" },
        { "GET", "/api/admin/audit/", "", "", "admin" },
        { "POST", "/api/admin/audit/verify", "", "", "admin" },
        { "GET", "/api/documents/{documentId:guid}", "", "", Everyone },
        { "GET", "/api/document-templates/", "", "", Everyone },
        { "PUT", "/api/document-templates/{kind}", "?scope=matrix-test", "{}", "analyst admin" },

        { "POST", "/api/signals/{name}", "", """{"correlationId":"none"}""", "analyst clerk admin" },

        { "GET", "/api/work-items/{workItemId:guid}", "", "", Everyone },
        { "POST", "/api/work-items/{workItemId:guid}/complete", "", """{"outcome":"Approve"}""", Everyone },

        { "GET", "/api/calendar/add-working-days", "?from=2026-01-05&days=3", "", Everyone },
        { "GET", "/api/calendar/working-days", "?from=2026-01-05&to=2026-01-09", "", Everyone },
        { "GET", "/api/calendar/days/{date}", "", "", Everyone },
        { "GET", "/api/calendar/years", "", "", Everyone },
        { "GET", "/api/calendar/years/{year:int}", "", "", Everyone },
        { "PUT", "/api/calendar/years/{year:int}", "", """{"days":[]}""", "admin" },

        { "GET", "/api/admin/clock/", "", "", Everyone },
        { "POST", "/api/admin/clock/advance", "", """{"days":1}""", "admin" },

        { "GET", "/api/supervision/alerts", "", "", "supervisor admin" },
        { "GET", "/api/supervision/escalations", "", "", "supervisor admin" },
        { "GET", "/api/supervision/metrics", "?from=2026-01-01&to=2026-01-31", "", "supervisor admin" },

        { "GET", "/api/notifications/", "", "", Everyone },
        { "POST", "/api/notifications/{notificationId:guid}/read", "", "", Everyone },

        // Task actions are guarded per task (assignee, candidate roles, department), not per route: see TasksApiTests.
        { "GET", "/api/tasks/", "?scope=all", "", "reviewer chief supervisor admin outsider" },
        { "POST", "/api/tasks/{id:guid}/complete", "", """{"outcome":"Approve"}""", Everyone },
        { "POST", "/api/tasks/{id:guid}/claim", "", "", Everyone },
        { "POST", "/api/tasks/{id:guid}/release", "", "{}", Everyone },
        { "POST", "/api/tasks/{id:guid}/transfer", "", """{"to":"reviewer"}""", Everyone },
        { "POST", "/api/tasks/{id:guid}/delegate", "", """{"to":"reviewer"}""", Everyone },
        { "POST", "/api/tasks/{id:guid}/resolve", "", "{}", Everyone },
        { "POST", "/api/tasks/{id:guid}/urge", "", "{}", Everyone },
        { "POST", "/api/tasks/{id:guid}/cc", "", """{"users":["reviewer"]}""", Everyone },
        { "POST", "/api/tasks/{id:guid}/return", "", """{"to":"start"}""", Everyone },
        { "POST", "/api/tasks/{id:guid}/add-signer", "", """{"to":"reviewer"}""", Everyone },

        { "GET", "/api/matters/", "", "", Everyone },
        { "GET", "/api/matters/{code}", "", "", Everyone },
        { "GET", "/api/packages/", "", "", Everyone },
        { "GET", "/api/packages/{code}", "", "", Everyone },
        { "POST", "/api/applications/", "", "{}", "clerk chief admin" },
        { "GET", "/api/applications/{id:guid}", "", "", Everyone },
        { "POST", "/api/applications/{id:guid}/supplements", "", "{}", "clerk chief admin" },
        { "POST", "/api/applications/{id:guid}/withdraw", "", "{}", "clerk chief admin" },
        { "GET", "/api/applications/{id:guid}/documents/{documentId:guid}", "", "", Everyone },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AnswersEachRoleAsItsPolicySays(string method, string pattern, string query, string body, string allowed)
    {
        EnsureOutsider();
        var route = Concrete(pattern) + query;
        var anonymous = (await Send(host.CreateClient(), method, route, body)).StatusCode;
        if (allowed == "anonymous")
        {
            Assert.True(anonymous is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"anyone should reach {method} {route}, got {(int)anonymous}");
            return;
        }

        Assert.True(anonymous == HttpStatusCode.Unauthorized, $"anonymous should be refused {method} {route} with 401, got {(int)anonymous}");
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

    [Fact]
    public void EveryApiRoute_HasARowInTheMatrix()
    {
        var rows = Routes.Select(r => $"{r[0]} {r[1]}").ToHashSet(StringComparer.Ordinal);
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(mapped);
        var missing = mapped.Except(rows).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(mapped).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Routes with no row in AuthorizationMatrixTests.Routes (add one saying who may call it):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows for routes the host no longer maps:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Outsider_IsNotOfferedAndCannotDecideNorReadACaseOfAnotherBureau()
    {
        EnsureOutsider();
        var matter = await host.PublishFoodMatterAsync();
        var clerk = await host.ClientForAsync("clerk");
        var created = await HttpAssert.JsonAsync(await clerk.PostJsonAsync("/api/applications", MatterSamples.Application(matter, "M01", "M02", "M03", "M04")), HttpStatusCode.Created);
        var id = created["id"].Text();
        var reviewer = await host.ClientForAsync("reviewer");
        var candidates = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/tasks?scope=candidate"))).AsArray();
        var taskId = candidates.Single(t => t!["applicationId"]?.GetValue<string>() == id)!["id"].Text();
        var outsider = await host.ClientForAsync(Outsider);

        var offered = (await HttpAssert.JsonAsync(await outsider.GetAsync("/api/tasks?scope=candidate"))).AsArray();
        var claim = await outsider.PostAsync($"/api/tasks/{taskId}/claim", null);
        var complete = await outsider.PostJsonAsync($"/api/tasks/{taskId}/complete", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Approve" });

        Assert.DoesNotContain(offered, t => t!["id"].Text() == taskId);
        await HttpAssert.ProblemAsync(claim, HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(complete, HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await outsider.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await outsider.GetAsync($"/api/workflow-instances/{id}"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await outsider.GetAsync($"/api/workflow-instances/{id}/documents"), HttpStatusCode.Forbidden);
    }

    /// <summary>The pattern with a sample for each parameter: an empty guid, a year, or a name nothing carries.</summary>
    private static string Concrete(string pattern) => Parameter().Replace(pattern.TrimEnd('/'), m =>
        m.Groups["constraint"].Value switch
        {
            "guid" => Guid.Empty.ToString(),
            "int" => "2040",
            _ => Samples.GetValueOrDefault(m.Groups["name"].Value, "matrix-test"),
        });

    private void EnsureOutsider()
    {
        var directory = host.Services.GetRequiredService<UserDirectory>();
        if (directory.Find(Outsider) is null)
        {
            directory.Add(new DirectoryUser(Outsider, "外局审核人", "市住房和城乡建设局", [Roles.Approver]), Outsider);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string route, string body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = method == "GET" ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\}")]
    private static partial Regex Parameter();
}
