using System.Text.Json.Nodes;
using Approval.Walkthrough;

// Drives a full scenario through the HTTP API of a running host and prints each step, so a newcomer sees the system
// work end to end: receipt, one-time notice and supplement, 容缺, inspection and approval from the inbox, the licence
// and the case file, a hearing pausing the clock, a one-thing package, and — when the host runs on simulated time — an
// overdue case escalating.
var url = args.SkipWhile(a => a != "--url").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080";
var api = new ApiClient(new Uri(url));
var step = 0;
void Say(string text) => Console.WriteLine($"[{++step,2}] {text}");

try
{
    var matters = (await api.GetAsync("clerk", "/api/matters")).AsArray();
    Say($"catalogue: {matters.Count} matters — {string.Join("、", matters.Select(m => m!["name"]!.GetValue<string>()))}");
    var food = matters.FirstOrDefault(m => m!["definitionId"]!.GetValue<string>() == "food-business-licence")
        ?? throw new WalkthroughException("The demo catalogue is not seeded: start the host with Approval__SeedDemoData=true on an empty database.");
    var code = food["code"]!.GetValue<string>();
    var required = food["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => m!["code"]!.GetValue<string>()).ToList();
    var tolerable = food["materials"]!.AsArray().Where(m => m!["tolerable"]?.GetValue<bool>() == true).Select(m => m!["code"]!.GetValue<string>()).ToList();
    var strict = required.Except(tolerable).ToList();

    JsonObject Application(IEnumerable<string> materials) => new()
    {
        ["matterCode"] = code,
        ["applicant"] = new JsonObject { ["name"] = "东莞市示例餐饮有限公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4WALK01X", ["phone"] = "0769-22000000" },
        ["materials"] = new JsonArray([.. materials.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
    };

    // 1. Complete materials: accepted at the window, receipt issued, clock started.
    var complete = await api.PostAsync("clerk", "/api/applications", Application(required));
    Say($"complete application {complete["caseNumber"]}: {complete["status"]}, committed due {complete["committedDueDate"]}, statutory due {complete["statutoryDueDate"]}");
    var receipt = complete["documents"]!.AsArray().First()!;
    var html = await api.GetTextAsync("clerk", $"/api/applications/{complete["id"]}/documents/{receipt["id"]}");
    Say($"  {receipt["title"]} {receipt["number"]} — {html.Length} characters of A4 HTML, SHA-256 {receipt["sha256"]!.GetValue<string>()[..16]}…");

    // 2. A required material missing: one notice listing it; the supplement completes the case.
    var missing = await api.PostAsync("clerk", "/api/applications", Application(required.Skip(1)));
    Say($"application without {required[0]}: {missing["status"]}, missing {string.Join("、", missing["missingMaterials"]!.AsArray().Select(m => m!["name"]))}");
    var supplied = await api.PostAsync("clerk", $"/api/applications/{missing["id"]}/supplements", new JsonObject { ["materials"] = new JsonArray(new JsonObject { ["code"] = required[0] }) });
    Say($"  supplement received: {supplied["status"]}, accepted {supplied["acceptedAt"]}");

    // 3. Only a tolerable material missing: accepted with deficiency, review proceeds meanwhile.
    if (tolerable.Count > 0)
    {
        var tolerated = await api.PostAsync("clerk", "/api/applications", Application(strict));
        Say($"application without the tolerable {string.Join("、", tolerable)}: {tolerated["status"]}; documents {string.Join("、", tolerated["documents"]!.AsArray().Select(d => d!["title"]))}");
    }

    // 4. The inspector and the approver work their inbox.
    var inspection = await TaskOf("reviewer", complete["id"]!.GetValue<string>());
    Say($"reviewer's inbox: {inspection["title"]} (due {inspection["dueDate"]}, {inspection["remainingWorkingDays"]} working days left)");
    await api.PostAsync("reviewer", $"/api/tasks/{inspection["id"]}/claim");
    await api.PostAsync("reviewer", $"/api/tasks/{inspection["id"]}/complete", new JsonObject { ["outcome"] = "Passed", ["comment"] = "现场核查符合要求" });
    var approval = await TaskOf("reviewer", complete["id"]!.GetValue<string>());
    Say($"  inspection passed; next: {approval["title"]}");
    await api.PostAsync("reviewer", $"/api/tasks/{approval["id"]}/claim");
    await api.PostAsync("reviewer", $"/api/tasks/{approval["id"]}/complete", new JsonObject { ["outcome"] = "Approve", ["comment"] = "同意" });
    var decided = await api.GetAsync("clerk", $"/api/applications/{complete["id"]}");
    Say($"  approved: {decided["status"]}; case file: {string.Join(" → ", decided["documents"]!.AsArray().Select(d => d!["title"]))}");

    // 5. A hearing (Art. 47): the applicant asks for one, the clock pauses until the hearing is held.
    var hearingMatter = matters.FirstOrDefault(m => m!["definitionId"]!.GetValue<string>() == "hearing-matter");
    if (hearingMatter is not null)
    {
        var hearingMaterials = hearingMatter["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"]!.GetValue<string>() });
        var heard = await api.PostAsync("clerk", "/api/applications", new JsonObject
        {
            ["matterCode"] = hearingMatter["code"]!.GetValue<string>(),
            ["applicant"] = new JsonObject { ["name"] = "东莞市示例食品有限公司", ["idType"] = "统一社会信用代码", ["idNumber"] = "91441900MA4WALK02X", ["phone"] = "0769-22000001" },
            ["materials"] = new JsonArray([.. hearingMaterials]),
        });
        var siteVisit = await TaskOf("reviewer", heard["id"]!.GetValue<string>());
        await api.PostAsync("reviewer", $"/api/tasks/{siteVisit["id"]}/claim");
        await api.PostAsync("reviewer", $"/api/tasks/{siteVisit["id"]}/complete", new JsonObject { ["outcome"] = "Passed" });
        await api.PostAsync("clerk", "/api/signals/hearing-request", new JsonObject { ["correlationId"] = heard["caseNumber"]!.GetValue<string>(), ["payload"] = new JsonObject { ["requested"] = true } });
        var paused = await api.GetAsync("clerk", $"/api/applications/{heard["id"]}");
        Say($"hearing case {heard["caseNumber"]}: the applicant asks for a hearing — status {paused["status"]}, clock paused: {paused["clock"]?["paused"]}");
        var now = (await TryGetAsync("admin", "/api/admin/clock"))?["now"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UtcNow;
        var schedule = await TaskOf("reviewer", heard["id"]!.GetValue<string>());
        await api.PostAsync("reviewer", $"/api/tasks/{schedule["id"]}/claim");
        await api.PostAsync("reviewer", $"/api/tasks/{schedule["id"]}/complete", new JsonObject
        {
            ["outcome"] = "Scheduled",
            ["data"] = new JsonObject { ["hearingAt"] = now.AddDays(8).ToString("O"), ["place"] = "市民服务中心听证室" },
        });
        var hold = await TaskOf("reviewer", heard["id"]!.GetValue<string>());
        await api.PostAsync("reviewer", $"/api/tasks/{hold["id"]}/claim");
        await api.PostAsync("reviewer", $"/api/tasks/{hold["id"]}/complete", new JsonObject { ["outcome"] = "Held", ["comment"] = "听证意见已记录", ["data"] = new JsonObject { ["record"] = "听证笔录（略）" } });
        var resumed = await api.GetAsync("clerk", $"/api/applications/{heard["id"]}");
        Say($"  hearing scheduled and held: status {resumed["status"]}, clock paused: {resumed["clock"]?["paused"]}, pauses recorded: {resumed["clock"]?["pauses"]?.AsArray().Count}");
    }

    // 6. A one-thing package: one form, one set of materials, each matter runs as its own case.
    var packages = (await api.GetAsync("clerk", "/api/packages")).AsArray();
    if (packages.FirstOrDefault(p => p!["code"]!.GetValue<string>() == "YJS-QYKB") is { } opening)
    {
        var shared = opening["materials"]!.AsArray().Where(m => m!["usedBy"]!.AsArray().Count > 1).Select(m => m!["name"]!.GetValue<string>());
        var packaged = await api.PostAsync("clerk", "/api/applications", new JsonObject
        {
            ["packageCode"] = "YJS-QYKB",
            ["applicant"] = new JsonObject { ["name"] = "东莞市示例科技有限公司（筹）", ["idType"] = "身份证", ["idNumber"] = "441900199001011234", ["phone"] = "13800000000" },
            ["materials"] = new JsonArray([.. opening["materials"]!.AsArray().Where(m => m!["required"]!.GetValue<bool>()).Select(m => (JsonNode)new JsonObject { ["code"] = m!["code"]!.GetValue<string>() })]),
        });
        Say($"{opening["name"]} {packaged["caseNumber"]}: {opening["matters"]!.AsArray().Count} matters, materials handed in once for all: {string.Join("、", shared)}");
        JsonArray members = [];
        for (var attempt = 0; attempt < 50 && members.Count < opening["matters"]!.AsArray().Count; attempt++)
        {
            await Task.Delay(200);
            members = (await api.GetAsync("clerk", $"/api/applications/{packaged["id"]}"))["members"]?.AsArray() ?? [];
        }

        foreach (var member in members)
        {
            Say($"  {member!["caseNumber"]} {member["matterName"]}: {member["status"]}");
        }
    }

    // 7. Simulated time, when the host runs on it: a case nobody works on goes yellow, red and critical.
    var clock = await TryGetAsync("admin", "/api/admin/clock");
    if (clock is null)
    {
        Say("simulated time is off on this host (start it with Approval__Clock__Mode=Simulated to see escalations)");
    }
    else
    {
        var idle = await api.PostAsync("clerk", "/api/applications", Application(required));
        var advanced = await api.PostAsync("admin", "/api/admin/clock/advance", new JsonObject { ["days"] = 45 });
        Say($"case {idle["caseNumber"]} left alone; time moved 45 days to {advanced["today"]}: {advanced["escalations"]} escalation(s) recorded");
        var alerts = (await api.GetAsync("supervisor", "/api/supervision/alerts")).AsArray();
        var mine = alerts.FirstOrDefault(a => a!["instanceId"]!.GetValue<string>() == idle["id"]!.GetValue<string>());
        Say($"  supervisor sees it as {mine?["warningLevel"] ?? "(not listed)"}; escalations: {string.Join("、", (await api.GetAsync("supervisor", $"/api/supervision/escalations?instanceId={idle["id"]}")).AsArray().Select(e => e!["level"]))}");
    }

    // 8. What the supervisor measures: this run's cases per matter.
    var today = (await TryGetAsync("admin", "/api/admin/clock"))?["today"]?.GetValue<string>() ?? DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    var metrics = (await api.GetAsync("supervisor", $"/api/supervision/metrics?from=2026-01-01&to={today}&groupBy=matter")).AsArray();
    foreach (var row in metrics.Take(5))
    {
        Say($"metrics {row!["name"]}: received {row["received"]}, completed {row["completed"]}, on time {row["onTimeRate"] ?? "-"}, returns {row["returnRate"] ?? "-"}{(row["returnRateFlag"]!.GetValue<bool>() ? " ⚠ above 10%" : "")}, overdue {row["overdueCount"]}");
    }

    Console.WriteLine("walkthrough=ok");
    return 0;
}
catch (Exception ex) when (ex is WalkthroughException or HttpRequestException)
{
    Console.Error.WriteLine($"walkthrough failed at step {step + 1}: {ex.Message}");
    return 1;
}

async Task<JsonNode> TaskOf(string user, string applicationId)
{
    foreach (var scope in new[] { "mine", "candidate" })
    {
        var tasks = (await api.GetAsync(user, $"/api/tasks?scope={scope}")).AsArray();
        if (tasks.FirstOrDefault(t => t!["applicationId"]!.GetValue<string>() == applicationId) is { } task)
        {
            return task;
        }
    }

    throw new WalkthroughException($"{user} has no task for application {applicationId}.");
}

async Task<JsonNode?> TryGetAsync(string user, string path)
{
    try
    {
        return await api.GetAsync(user, path);
    }
    catch (WalkthroughException)
    {
        return null;
    }
}
