using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Tests.Support;

namespace Approval.DesignerHost.Tests.Apis;

[Collection(HostCollection.Name)]
public sealed class CalendarApiTests(ApprovalHostFactory host)
{
    [Theory]
    [InlineData("2024-09-30", 1, "2024-10-08")] // National Day 10-01..10-07; Sunday 09-29 and Saturday 10-12 are workdays
    [InlineData("2022-12-30", 1, "2023-01-03")] // 2022-12-31 is a 元旦 holiday of the 2023 notice
    [InlineData("2025-01-24", 5, "2025-02-07")] // Sunday 01-26 works, 01-27, then 除夕 01-28..02-04 off, 02-05, 02-06, 02-07
    [InlineData("2026-02-13", 2, "2026-02-24")] // Saturday 02-14 works, then nine days of Spring Festival
    [InlineData("2024-05-06", 0, "2024-05-06")]
    public async Task AddWorkingDays_AcrossHolidaysAndSwappedWeekends(string from, int days, string expected)
    {
        var clerk = await host.ClientForAsync("clerk");
        var result = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/calendar/add-working-days?from={from}&days={days}"));
        Assert.Equal(expected, result["date"].Text());
        Assert.False(result["estimated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2025-09-30", "2025-10-11", 3)] // 10-09, 10-10 and the swapped Saturday 10-11
    [InlineData("2024-10-01", "2024-10-01", 0)]
    [InlineData("2023-12-29", "2024-01-02", 1)]
    public async Task WorkingDays_CountsTheDaysAfterFromUpToAndIncludingTo(string from, string to, int expected)
    {
        var clerk = await host.ClientForAsync("clerk");
        var result = await HttpAssert.JsonAsync(await clerk.GetAsync($"/api/calendar/working-days?from={from}&to={to}"));
        Assert.Equal(expected, result["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/calendar/add-working-days?days=3", "'from' is missing")]
    [InlineData("/api/calendar/add-working-days?from=2024-02-30&days=3", "'from' must be a date")]
    [InlineData("/api/calendar/add-working-days?from=2024-02-01&days=-1", "'days' must be a whole number")]
    [InlineData("/api/calendar/add-working-days?from=2024-02-01", "it is missing")]
    [InlineData("/api/calendar/working-days?from=2024-02-01&to=tomorrow", "'to' must be a date")]
    public async Task BadQuery_Is400SayingWhatIsWrong(string url, string expected)
    {
        var clerk = await host.ClientForAsync("clerk");
        var problem = await HttpAssert.ProblemAsync(await clerk.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem["detail"].Text());
    }

    [Fact]
    public async Task YearWithoutData_IsAnsweredOnTheWeekdayRuleAndFlagged()
    {
        var clerk = await host.ClientForAsync("clerk");
        var result = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/calendar/add-working-days?from=2031-01-03&days=1"));
        Assert.Equal("2031-01-06", result["date"].Text()); // Friday → Monday
        Assert.True(result["estimated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PutYear_AsAdmin_LoadsTheNotice_AndBadDataIsRefusedWhole()
    {
        var admin = await host.ClientForAsync("admin");
        var clerk = await host.ClientForAsync("clerk");
        const string csv = "date,kind,name\n2030-02-01,holiday,春节\n2030-02-02,workday,春节\n";

        await HttpAssert.ProblemAsync(await clerk.PutAsync("/api/calendar/years/2030", Csv(csv)), HttpStatusCode.Forbidden);

        var bad = await HttpAssert.ProblemAsync(
            await admin.PutAsync("/api/calendar/years/2030", JsonContentOf(new JsonObject
            {
                ["days"] = new JsonArray(
                    new JsonObject { ["date"] = "2030-02-01", ["kind"] = "holiday", ["name"] = "春节" },
                    new JsonObject { ["date"] = "2030-02-04", ["kind"] = "workday", ["name"] = "春节" },
                    new JsonObject { ["date"] = "2030-02-31", ["kind"] = "holiday", ["name"] = "春节" },
                    new JsonObject { ["date"] = "2030-03-01", ["kind"] = "vacation", ["name"] = "春节" }),
            })),
            HttpStatusCode.BadRequest);
        Assert.Equal(2, bad["errors"]!.AsArray().Count); // the bad date and the bad kind, reported together
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/calendar/years/2030"), HttpStatusCode.NotFound);

        var monday = await HttpAssert.ProblemAsync(await admin.PutAsync("/api/calendar/years/2030", Csv("date,kind,name\n2030-02-04,workday,春节\n")), HttpStatusCode.BadRequest);
        Assert.Contains("Saturday or Sunday", monday["detail"].Text());

        var loaded = await HttpAssert.JsonAsync(await admin.PutAsync("/api/calendar/years/2030", Csv(csv)));
        Assert.Equal(1, loaded["holidays"]!.GetValue<int>());
        Assert.Equal(1, loaded["workdays"]!.GetValue<int>());

        var next = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/calendar/add-working-days?from=2030-01-31&days=1"));
        Assert.Equal("2030-02-02", next["date"].Text()); // Friday 02-01 is off, Saturday 02-02 works
        Assert.False(next["estimated"]!.GetValue<bool>());
        var stored = await HttpAssert.JsonAsync(await clerk.GetAsync("/api/calendar/years/2030"));
        Assert.Equal(2, stored["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task SimulatedClock_IsNotFoundWhenTheHostRunsOnRealTime()
    {
        var admin = await host.ClientForAsync("admin");
        await HttpAssert.ProblemAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await admin.PostJsonAsync("/api/admin/clock/advance", new JsonObject { ["days"] = 1 }), HttpStatusCode.NotFound);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static StringContent JsonContentOf(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
