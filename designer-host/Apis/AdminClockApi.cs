using System.Globalization;
using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Approval.Engine.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>Simulated time for demos and tests: read the clock, move it forward. Answers 404 unless the host runs with <c>Approval__Clock__Mode=Simulated</c>.</summary>
public static class AdminClockApi
{
    private const double MaxJumpDays = 3650;

    public static IEndpointRouteBuilder MapAdminClockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/clock").WithTags("Simulated time");
        api.MapGet("", GetClock).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/advance", Advance)
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Moves simulated time forward by {days} or to {to}; timers and escalations that fall due fire as if that time had passed.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static Results<Ok<ClockState>, ProblemHttpResult> GetClock(IServiceProvider services) =>
        services.GetService<SimulatedClock>() is { } clock
            ? TypedResults.Ok(new ClockState("Simulated", clock.Now, ChinaTime.DateOf(clock.Now), clock.Offset, null, null))
            : Off();

    public static async Task<Results<Ok<ClockState>, ProblemHttpResult>> Advance(AdvanceClockRequest? request, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<SimulatedClock>() is not { } clock)
        {
            return Off();
        }

        if (request is null || (request.Days is null) == (request.To is null))
        {
            return Problem(StatusCodes.Status400BadRequest, "Give exactly one of 'days' (how far to move) and 'to' (an instant or a yyyy-MM-dd date, Beijing time).");
        }

        TimeSpan delta;
        if (request.Days is { } days)
        {
            if (double.IsNaN(days) || days <= 0 || days > MaxJumpDays)
            {
                return Problem(StatusCodes.Status400BadRequest, $"'days' must be more than 0 and at most {MaxJumpDays}, not {days}.");
            }

            delta = TimeSpan.FromDays(days);
        }
        else
        {
            if (ParseTarget(request.To!) is not { } target)
            {
                return Problem(StatusCodes.Status400BadRequest, $"'to' must be an ISO 8601 instant or a yyyy-MM-dd date, not '{request.To}'.");
            }

            delta = target - clock.Now;
            if (delta <= TimeSpan.Zero)
            {
                return Problem(StatusCodes.Status409Conflict, $"Simulated time is already {clock.Now:O}; it only moves forward.");
            }

            if (delta > TimeSpan.FromDays(MaxJumpDays))
            {
                return Problem(StatusCodes.Status400BadRequest, $"A jump may be at most {MaxJumpDays} days.");
            }
        }

        var result = await clock.AdvanceAsync(delta, user.Actor(), cancellationToken);
        return TypedResults.Ok(new ClockState("Simulated", result.Now, ChinaTime.DateOf(result.Now), result.Offset, result.TimersFired, result.Escalations));
    }

    private static DateTimeOffset? ParseTarget(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? ChinaTime.StartOfDay(date)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : null;

    private static ProblemHttpResult Off() =>
        Problem(StatusCodes.Status404NotFound, "Simulated time is off on this host; start it with Approval__Clock__Mode=Simulated to move time.");

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status switch { 404 => "Not found", 409 => "Conflict", _ => "Bad request" });
}

public sealed record AdvanceClockRequest(double? Days, string? To);

/// <param name="TimersFired">Timers the jump made due and handed on (null when only reading the clock).</param>
/// <param name="Escalations">Escalations the jump recorded at once (later ones come from the jobs and the sweep).</param>
public sealed record ClockState(string Mode, DateTimeOffset Now, DateOnly Today, TimeSpan Offset, int? TimersFired, int? Escalations);
