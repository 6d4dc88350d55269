using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Approval.DesignerHost.Auth;
using Approval.Engine.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The working-day calendar: arithmetic for deadlines, and loading each year's holiday notice.</summary>
public static class CalendarApi
{
    private const int MaxDays = 3650;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/calendar").WithTags("Calendar");
        api.MapGet("/add-working-days", AddWorkingDays)
            .WithSummary("The N-th working day after a date (the date itself never counts).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/working-days", CountWorkingDays)
            .WithSummary("How many working days d there are with from < d ≤ to.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/days/{date}", GetDay).WithSummary("Whether a date is a working day, and why.").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/years", ListYears).WithSummary("The holiday notices loaded, and the years around today that have none.");
        api.MapGet("/years/{year:int}", GetYear).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/years/{year:int}", PutYear)
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Loads (or replaces) one year's holiday notice: JSON {days:[{date,kind,name}]} or text/csv with the header date,kind,name.")
            .Accepts<CalendarYearRequest>("application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static Results<Ok<AddWorkingDaysResult>, ProblemHttpResult> AddWorkingDays(string? from, int? days, CalendarProvider calendars)
    {
        if (ParseDate(from, "from") is { } problem)
        {
            return problem;
        }

        if (days is not { } n || n < 0 || n > MaxDays)
        {
            return BadRequest($"'days' must be a whole number from 0 to {MaxDays}{(days is null ? "; it is missing" : $", not {days}")}.");
        }

        var calendar = calendars.Current;
        var start = DateOnly.ParseExact(from!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var date = calendar.AddWorkingDays(start, n);
        return TypedResults.Ok(new AddWorkingDaysResult(start, n, date, Estimated(calendar, start, date)));
    }

    public static Results<Ok<WorkingDaysResult>, ProblemHttpResult> CountWorkingDays(string? from, string? to, CalendarProvider calendars)
    {
        if ((ParseDate(from, "from") ?? ParseDate(to, "to")) is { } problem)
        {
            return problem;
        }

        var calendar = calendars.Current;
        var start = DateOnly.ParseExact(from!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(to!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (end.DayNumber - start.DayNumber > MaxDays * 2)
        {
            return BadRequest($"The range may span at most {MaxDays * 2} days.");
        }

        return TypedResults.Ok(new WorkingDaysResult(start, end, calendar.CountWorkingDays(start, end), Estimated(calendar, start, end)));
    }

    public static Results<Ok<CalendarDayResult>, ProblemHttpResult> GetDay(string date, CalendarProvider calendars)
    {
        if (ParseDate(date, "date") is { } problem)
        {
            return problem;
        }

        var calendar = calendars.Current;
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var special = calendar.Find(day);
        return TypedResults.Ok(new CalendarDayResult(day, calendar.IsWorkingDay(day), special?.Kind.ToString(), special?.Name, calendar.IsEstimated(day)));
    }

    public static async Task<Ok<CalendarYearsResult>> ListYears(ICalendarStore store, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        var years = await store.ListYearsAsync(cancellationToken);
        var thisYear = ChinaTime.DateOf(time.GetUtcNow()).Year;
        var first = years.Count > 0 ? Math.Min(years.Min(y => y.Year), thisYear) : thisYear;
        return TypedResults.Ok(new CalendarYearsResult(years, calendars.Current.MissingYears(first, thisYear + 1)));
    }

    public static async Task<Results<Ok<CalendarYearRequest>, ProblemHttpResult>> GetYear(int year, ICalendarStore store, CancellationToken cancellationToken)
    {
        var stored = (await store.LoadAsync(cancellationToken)).FirstOrDefault(y => y.Year == year);
        return stored is null
            ? TypedResults.Problem($"No holiday notice is loaded for {year}; dates in it follow the Monday–Friday rule.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : TypedResults.Ok(new CalendarYearRequest([.. stored.Days.Select(d => new CalendarDayEntry(d.Date.ToString("yyyy-MM-dd"), d.Kind.ToString().ToLowerInvariant(), d.Name))]));
    }

    public static async Task<Results<Ok<CalendarYearInfo>, ProblemHttpResult>> PutYear(int year, HttpRequest request, ClaimsPrincipal user, CalendarService calendar, CancellationToken cancellationToken)
    {
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var isCsv = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        var days = isCsv ? CalendarCsv.Parse(body) : ReadJson(body);
        return TypedResults.Ok(await calendar.ReplaceYearAsync(year, days, isCsv ? "api:csv" : "api", user.Actor(), cancellationToken));
    }

    /// <summary>Reads <c>{days:[{date,kind,name}]}</c>, listing every bad entry at once.</summary>
    private static IReadOnlyList<SpecialDay> ReadJson(string body)
    {
        var request = JsonSerializer.Deserialize<CalendarYearRequest>(body, JsonSerializerOptions.Web)
            ?? throw new CalendarFormatException(["The body is empty; send {\"days\":[{\"date\":\"yyyy-MM-dd\",\"kind\":\"holiday|workday\",\"name\":\"…\"}]}."]);
        if (request.Days is null)
        {
            throw new CalendarFormatException(["'days' is missing."]);
        }

        var problems = new List<string>();
        var days = new List<SpecialDay>();
        for (var i = 0; i < request.Days.Count; i++)
        {
            var entry = request.Days[i];
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"days[{i}]: date '{entry.Date}' is not a yyyy-MM-dd date.");
                continue;
            }

            if (!Enum.TryParse<SpecialDayKind>(entry.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                problems.Add($"days[{i}] ({entry.Date}): kind '{entry.Kind}' must be 'holiday' or 'workday'.");
                continue;
            }

            days.Add(new SpecialDay(date, kind, entry.Name?.Trim() ?? ""));
        }

        return problems.Count > 0 ? throw new CalendarFormatException(problems) : days;
    }

    private static ProblemHttpResult? ParseDate(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? BadRequest($"'{name}' is missing; give a date as yyyy-MM-dd.")
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null
        : BadRequest($"'{name}' must be a date as yyyy-MM-dd, not '{value}'.");

    private static bool Estimated(BusinessCalendar calendar, DateOnly a, DateOnly b)
    {
        for (var year = Math.Min(a.Year, b.Year); year <= Math.Max(a.Year, b.Year); year++)
        {
            if (!calendar.HasDataFor(year))
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}

/// <param name="Estimated">True when a year in the range has no holiday notice loaded, so the answer follows the Monday–Friday rule there.</param>
public sealed record AddWorkingDaysResult(DateOnly From, int Days, DateOnly Date, bool Estimated);

public sealed record WorkingDaysResult(DateOnly From, DateOnly To, int Count, bool Estimated);

public sealed record CalendarDayResult(DateOnly Date, bool IsWorkingDay, string? Kind, string? Name, bool Estimated);

public sealed record CalendarYearsResult(IReadOnlyList<CalendarYearInfo> Years, IReadOnlyList<int> MissingYears);

public sealed record CalendarYearRequest(IReadOnlyList<CalendarDayEntry>? Days);

public sealed record CalendarDayEntry(string? Date, string? Kind, string? Name);
