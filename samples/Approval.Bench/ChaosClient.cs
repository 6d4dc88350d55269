using System.Net;
using System.Text.Json.Nodes;

namespace Approval.Bench;

/// <summary>Takes chaos cases to their end state as a careful client would, across one or more hosts: every request is
/// retried until answered, and every step that is not idempotent by itself is confirmed by reading the case first.</summary>
/// <remarks>
/// The submission carries an <c>Idempotency-Key</c>, so repeating it never opens a second case. A task completion is
/// not repeated blindly: the client reads the case, and acts only on a task that is still open; a 409 (someone, maybe
/// its own lost request, finished it first) sends it back to reading. Each step of a case goes to the next host in turn,
/// as a load balancer without sticky sessions would send it.
/// </remarks>
public sealed class ChaosClient(IReadOnlyList<CaseDriver> hosts, BenchMatter company, BenchMatter food)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly long[] _requests = new long[hosts.Count];

    public Retrying Retrying { get; } = new();

    /// <summary>Requests sent to each host, retries included.</summary>
    public IReadOnlyList<long> RequestsPerHost => [.. _requests];

    public async Task SubmitAsync(ChaosCase item, CancellationToken cancellationToken)
    {
        var (matter, materials) = item.Kind == CaseKind.Lapsed ? (food, food.Required) : (company, company.Required.Concat(company.Tolerable).ToList());
        var created = await SendAsync(item, 0, (driver, ct) => driver.SubmitOnceAsync(item.Number, matter.Code, materials, item.IdempotencyKey, ct), cancellationToken);
        item.Id = Guid.Parse(created["id"]!.GetValue<string>());
        item.Status = created["status"]?.GetValue<string>();
        // A repeat answers with the case as it stands now, which may have moved on (review under way, deadline passed);
        // only an answer that says it was not accepted as sent is wrong. The end state is checked at the end.
        if (item.Status is "RefusedAcceptance" or "CorrectionRequested" or "Rejected" or "Withdrawn" or null)
        {
            throw new BenchFailedException($"Application {item.Number} ({item.Kind}) answered {item.Status ?? "no status"}, expected {item.AcceptedStatus}.");
        }
    }

    /// <summary>Claims and approves the case's open task until the case reads Completed.</summary>
    public async Task ApproveAsync(ChaosCase item, CancellationToken cancellationToken)
    {
        for (var step = 1; ; step++)
        {
            var view = await ReadAsync(item, step, cancellationToken);
            if (item.Status == "Completed")
            {
                return;
            }

            var open = view["tasks"]!.AsArray().FirstOrDefault(t => t!["status"]!.GetValue<string>() == "Open");
            if (open is null)
            {
                await Task.Delay(Poll, cancellationToken);
                continue;
            }

            var task = open["id"]!.GetValue<string>();
            await ToleratingConflictAsync(item, step, (d, ct) => d.PostAsync("reviewer", $"/api/tasks/{task}/claim", null, HttpStatusCode.OK, ct), cancellationToken);
            await ToleratingConflictAsync(item, step + 1, (d, ct) => d.PostAsync("reviewer", $"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "Approve", ["comment"] = "同意" }, HttpStatusCode.OK, ct), cancellationToken);
        }
    }

    /// <summary>Reads the case until it has <see cref="ChaosCase.ExpectedStatus"/>: for a lapsed case, until its timer has fired.</summary>
    public async Task AwaitExpectedAsync(ChaosCase item, CancellationToken cancellationToken)
    {
        for (var step = 1; ; step++)
        {
            await ReadAsync(item, step, cancellationToken);
            if (item.Status == item.ExpectedStatus)
            {
                return;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Waits, as the supervisor, until the case has escalated to critical.</summary>
    public async Task AwaitCriticalAsync(ChaosCase item, CancellationToken cancellationToken)
    {
        for (var step = 1; ; step++)
        {
            var escalations = await SendAsync(item, step, (d, ct) => d.GetAsync("supervisor", $"/api/supervision/escalations?instanceId={item.Id}", ct), cancellationToken);
            if (escalations.AsArray().Any(e => string.Equals(e!["level"]?.ToString(), "Critical", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Moves simulated time forward for every host. Not idempotent: a lost answer is not repeated (the jump may
    /// have happened), which only means the later jump has less to do.</summary>
    public async Task AdvanceClockAsync(double days, CancellationToken cancellationToken)
    {
        try
        {
            await hosts[0].PostAsync("admin", "/api/admin/clock/advance", new JsonObject { ["days"] = days }, HttpStatusCode.OK, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The host went away mid-request; the offset is in the database if the jump committed.
        }
    }

    /// <summary>Simulated time's offset as the host reports it, to see when a jump has committed.</summary>
    public async Task<string> ClockOffsetAsync(CancellationToken cancellationToken) =>
        (await Retrying.UntilAnsweredAsync(ct => hosts[0].GetAsync("admin", "/api/admin/clock", ct), cancellationToken))["offset"]?.ToString() ?? "";

    private async Task<JsonNode> ReadAsync(ChaosCase item, int step, CancellationToken cancellationToken)
    {
        var view = await SendAsync(item, step, (d, ct) => d.GetAsync("reviewer", $"/api/applications/{item.Id}", ct), cancellationToken);
        item.Status = view["status"]?.GetValue<string>();
        return view;
    }

    private async Task ToleratingConflictAsync(ChaosCase item, int step, Func<CaseDriver, CancellationToken, Task<JsonNode>> call, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(item, step, call, cancellationToken);
        }
        catch (HttpStatusException ex) when (ex.Status == HttpStatusCode.Conflict)
        {
            // Claimed or finished already — perhaps by this client's own request whose answer was lost.
        }
    }

    private Task<JsonNode> SendAsync(ChaosCase item, int step, Func<CaseDriver, CancellationToken, Task<JsonNode>> call, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return Retrying.UntilAnsweredAsync(ct =>
        {
            var host = (item.Number + step + attempt++) % hosts.Count;
            Interlocked.Increment(ref _requests[host]);
            return call(hosts[host], ct);
        }, cancellationToken);
    }
}
