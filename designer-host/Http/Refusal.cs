namespace Approval.DesignerHost.Http;

/// <summary>Why a service shared by the API and the pages did not do what was asked; the API answers it as
/// ProblemDetails, a page shows the detail.</summary>
/// <param name="StatusCode">The HTTP status it stands for: 400, 403, 404 or 409.</param>
public sealed record Refusal(int StatusCode, string Detail)
{
    public string Title => StatusCode switch
    {
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        _ => "Bad request",
    };

    /// <summary>An exception the engine throws for a request it will not carry out (the ones the API answers 4xx), as a refusal; null for a real fault.</summary>
    public static Refusal? From(Exception exception) =>
        EngineExceptionHandler.ToProblem(exception) is { Status: { } status } problem ? new Refusal(status, problem.Detail ?? problem.Title ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem() =>
        TypedResults.Problem(Detail, statusCode: StatusCode, title: Title);
}

/// <summary>What an attempt produced, or why it was refused.</summary>
public sealed record Attempt<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public static implicit operator Attempt<T>(Refusal refusal) => new(null, refusal);

    public static implicit operator Attempt<T>(T value) => new(value, null);
}
