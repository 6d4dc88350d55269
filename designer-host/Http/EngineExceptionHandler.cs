using System.Text.Json;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Approval.DesignerHost.Http;

/// <summary>Turns the engine's exceptions and malformed requests into ProblemDetails, so user input never earns a 500.</summary>
/// <remarks>
/// Definition problems carry an <c>errors</c> extension, <c>[{code, message, activityId, input}]</c>, so the designer can
/// put each one on the activity and input it concerns. Anything not listed here is a real fault and is left to the
/// default handler (500, logged).
/// </remarks>
internal sealed class EngineExceptionHandler(IProblemDetailsService problems, ILogger<EngineExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ToProblem(exception) is not { } problem)
        {
            return false;
        }

        logger.LogDebug("{Method} {Path} answered {Status}: {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Status, problem.Detail);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        DefinitionFormatException ex => WithErrors(Problem(StatusCodes.Status400BadRequest, "The definition cannot be read", ex.Message), ex.Errors),
        InvalidDefinitionException ex => WithErrors(Problem(StatusCodes.Status422UnprocessableEntity, "The definition is invalid", Summarize(ex.Errors)), ex.Errors),
        WorkflowNotFoundException ex => Problem(StatusCodes.Status404NotFound, "Not found", ex.Message),
        WorkflowConflictException ex => Problem(StatusCodes.Status409Conflict, "Conflict", ex.Message),
        ConcurrencyConflictException or DuplicateKeyException or BookmarkGoneException =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "Someone else changed this at the same moment; reload and try again."),
        InvalidStimulusException ex => Problem(StatusCodes.Status400BadRequest, "Not accepted by the waiting activity", ex.Message),
        ExpressionException ex => Problem(StatusCodes.Status400BadRequest, "Expression error", ex.Message),
        CalendarFormatException ex => WithProblems(Problem(StatusCodes.Status400BadRequest, "The calendar data is invalid", ex.Message), ex.Problems),
        Approval.Workflows.Applications.InvalidApplicationException ex => WithProblems(Problem(StatusCodes.Status400BadRequest, "The application is incomplete", ex.Message), ex.Problems),
        ClockRuleException ex => Problem(StatusCodes.Status409Conflict, "Not allowed by the legal clock's rules", ex.Message),
        BadHttpRequestException ex => Problem(ex.StatusCode, TitleOf(ex.StatusCode), Describe(ex)),
        JsonException ex => Problem(StatusCodes.Status400BadRequest, "Malformed JSON", FirstSentence(ex.Message)),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyList<DefinitionError> errors)
    {
        problem.Extensions["errors"] = errors.Select(e => new { code = e.Code, message = e.Message, activityId = e.ActivityId, input = e.Input }).ToList();
        return problem;
    }

    private static ProblemDetails WithProblems(ProblemDetails problem, IReadOnlyList<string> problems)
    {
        problem.Extensions["errors"] = problems;
        return problem;
    }

    private static string Summarize(IReadOnlyList<DefinitionError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems, first: {errors[0]}";

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };

    /// <summary>Minimal APIs say which parameter failed; the JSON reader underneath says where and why.</summary>
    private static string Describe(BadHttpRequestException ex) =>
        ex.InnerException is JsonException json ? $"{ex.Message} {FirstSentence(json.Message)} (at {json.Path ?? "$"}, line {json.LineNumber + 1})" : ex.Message;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
