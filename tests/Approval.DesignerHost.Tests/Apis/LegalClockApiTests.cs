using System.Net;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

/// <summary>The legal clock through the API on a host with simulated time: clocks on instances and tasks, the jump, alerts, escalations, notifications.</summary>
public sealed class LegalClockApiTests : IAsyncLifetime
{
    private const string Department = "市市场监督管理局"; // the demo reviewer's and supervisor's department

    private readonly ApprovalHostFactory _host = new(new Dictionary<string, string?> { ["Approval:Clock:Mode"] = "Simulated" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Advance_ChecksItsInputAndWhoAsks_ThenMovesTimeForward()
    {
        var admin = await _host.ClientForAsync("admin");
        var clerk = await _host.ClientForAsync("clerk");
        var before = await HttpAssert.JsonAsync(await admin.GetAsync("/api/admin/clock"));
        Assert.Equal("Simulated", before["mode"].Text());

        await HttpAssert.ProblemAsync(await clerk.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = 1 }), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject()), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = 1, ["to"] = "2030-01-01" }), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = -2 }), HttpStatusCode.BadRequest);
        var past = await HttpAssert.ProblemAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["to"] = "2020-01-01" }), HttpStatusCode.Conflict);
        Assert.Contains("only moves forward", past["detail"].Text());

        var after = await HttpAssert.JsonAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = 2 }));
        var moved = DateTimeOffset.Parse(after["now"].Text()) - DateTimeOffset.Parse(before["now"].Text());
        Assert.InRange(moved, TimeSpan.FromDays(2), TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task OverdueCase_AfterAThirtyDayJump_ShowsOnInstanceAlertsEscalationsAndNotifications()
    {
        var analyst = await _host.ClientForAsync("analyst");
        var admin = await _host.ClientForAsync("admin");
        var supervisor = await _host.ClientForAsync("supervisor");
        var reviewer = await _host.ClientForAsync("reviewer");
        var id = HttpAssert.UniqueId("clock");
        await analyst.PublishAsync(new FlowBuilder(id)
            .Activity("start", "Start")
            .Activity("clock", "StartClock", ("committedLimitDays", 3), ("statutoryLimitDays", 5), ("department", Department), ("subject", "GD-2026-0001 食品经营许可"))
            .Activity("review", "HumanTask", ("title", "审查"), ("candidateRoles", new JsonArray("Approver")), ("department", Department), ("limitWorkingDays", 2))
            .Activity("end", "End")
            .Connect("start", "clock")
            .Connect("clock", "review")
            .Connect("review", "end", "Approve")
            .Connect("review", "end", "Reject"));
        var run = await analyst.ExecuteAsync(id, correlationId: "GD-2026-0001");
        var instanceId = run["instanceId"].Text();

        var fresh = await reviewer.GetInstanceAsync(instanceId);
        var clock = Assert.Single(fresh["clocks"]!.AsArray())!;
        var acceptedOn = clock["acceptedOn"].Text();
        var due = await HttpAssert.JsonAsync(await reviewer.GetAsync($"/api/calendar/add-working-days?from={acceptedOn}&days=3"));
        Assert.Equal(due["date"].Text(), clock["committedDueDate"].Text());
        Assert.Equal(3, clock["committedLimitDays"]!.GetValue<int>());
        Assert.Equal("Started", clock["history"]![0]!["kind"].Text());
        var task = Assert.Single(fresh["workItems"]!.AsArray())!;
        Assert.Equal(2, task["limitWorkingDays"]!.GetValue<int>());
        Assert.NotNull(task["dueDate"]);

        await HttpAssert.JsonAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = 30 }));

        var overdue = await reviewer.GetInstanceAsync(instanceId);
        Assert.Equal("Critical", overdue["warningLevel"].Text());
        Assert.Equal("Critical", overdue["clocks"]![0]!["warningLevel"].Text());
        Assert.True(overdue["clocks"]![0]!["workingDaysRemaining"]!.GetValue<int>() < 0);
        Assert.Equal("Critical", overdue["workItems"]![0]!["warningLevel"].Text());
        var inbox = (await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/tasks?scope=candidate"))).AsArray();
        Assert.Equal("Critical", inbox.Single(t => t!["applicationId"].Text() == instanceId)!["warningLevel"].Text());

        var alerts = await HttpAssert.JsonAsync(await supervisor.GetAsync("/api/supervision/alerts?level=critical"));
        Assert.Contains(alerts.AsArray(), a => a!["instanceId"].Text() == instanceId && a["subject"].Text() == "GD-2026-0001 食品经营许可");
        await HttpAssert.ProblemAsync(await reviewer.GetAsync("/api/supervision/alerts"), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await supervisor.GetAsync("/api/supervision/alerts?level=purple"), HttpStatusCode.BadRequest);

        var escalations = await HttpAssert.JsonAsync(await supervisor.GetAsync($"/api/supervision/escalations?instanceId={instanceId}"));
        Assert.Equal(["Critical", "Red", "Yellow"], escalations.AsArray().Select(e => e!["level"].Text()).Order());

        var reviewerInbox = await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/notifications?unread=true"));
        var yellow = Assert.Single(reviewerInbox.AsArray(), n => n!["instanceId"].Text() == instanceId)!;
        Assert.Equal("Yellow", yellow["level"].Text());
        var supervisorInbox = await HttpAssert.JsonAsync(await supervisor.GetAsync("/api/notifications"));
        Assert.Contains(supervisorInbox.AsArray(), n => n!["instanceId"].Text() == instanceId && n["level"].Text() == "Red");
        var adminInbox = await HttpAssert.JsonAsync(await admin.GetAsync("/api/notifications"));
        Assert.Contains(adminInbox.AsArray(), n => n!["instanceId"].Text() == instanceId && n["level"].Text() == "Critical");

        await HttpAssert.ProblemAsync(await supervisor.PostAsync($"/api/notifications/{yellow["id"].Text()}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync($"/api/notifications/{yellow["id"].Text()}/read", null)).StatusCode);
        var unread = await HttpAssert.JsonAsync(await reviewer.GetAsync("/api/notifications?unread=true"));
        Assert.DoesNotContain(unread.AsArray(), n => n!["id"].Text() == yellow["id"].Text());
    }
}
