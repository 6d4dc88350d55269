using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Applications;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.DesignerHost.Http;
using Approval.Engine.Documents;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Approval.Workflows.Applications;
using Approval.Workflows.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The catalogue of matters and the applications (办件) received for them.</summary>
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var matters = app.MapGroup("/matters").WithTags("Matters");
        matters.MapGet("", ListMatters).WithSummary("Every matter with a published guide and workflow.");
        matters.MapGet("/{code}", GetMatter).ProducesProblem(StatusCodes.Status404NotFound);

        var applications = app.MapGroup("/applications").WithTags("Applications").RequireCaseAccess("id", "Application");
        applications.MapPost("", Submit)
            .RequireAuthorization(Policies.ReceiveApplications)
            .WithSummary("Receives an application at the window: accepted at once, accepted with deficiency, asked for correction, or refused — with its documents.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id:guid}", Get).ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPost("/{id:guid}/supplements", Supplement)
            .RequireAuthorization(Policies.ReceiveApplications)
            .WithSummary("Records materials the applicant brought after a one-time notice or under 容缺.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{id:guid}/withdraw", Withdraw)
            .RequireAuthorization(Policies.ReceiveApplications)
            .WithSummary("The applicant withdraws (撤回); refused once an approval step has decided.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}/documents/{documentId:guid}", GetDocument).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<List<MatterView>>> ListMatters(MatterCatalogue catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalogue.ListAsync(cancellationToken)).Select(MatterView.From).ToList());

    public static async Task<Results<Ok<MatterView>, ProblemHttpResult>> GetMatter(string code, MatterCatalogue catalogue, CancellationToken cancellationToken) =>
        await catalogue.FindAsync(code, cancellationToken) is { } matter
            ? TypedResults.Ok(MatterView.From(matter))
            : TypedResults.Problem($"Matter '{code}' is not in the catalogue.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <remarks>With an <c>Idempotency-Key</c> header, a repeat of a submission answers 200 with the case the first one
    /// opened instead of opening another (see <see cref="IdempotentCaseId"/>).</remarks>
    public static async Task<Results<Created<ApplicationView>, Ok<ApplicationView>, ProblemHttpResult>> Submit(
        SubmitApplication request, ClaimsPrincipal user, WindowReception window, HttpRequest http, CancellationToken cancellationToken)
    {
        string? key = null;
        if (http.Headers.TryGetValue(IdempotentCaseId.Header, out var values))
        {
            key = values.Count == 1 ? values[0] ?? "" : "";
            if (IdempotentCaseId.Problem(key) is { } problem)
            {
                return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            }
        }

        var (view, created) = await window.SubmitAsync(request, user, key, cancellationToken);
        return created ? TypedResults.Created($"/api/applications/{view.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Get(Guid id, ApplicationReader reader, CaseGate gate, CancellationToken cancellationToken) =>
        await (gate.Passed(id) is { } instance ? reader.ReadAsync(instance, cancellationToken) : reader.ReadAsync(id, cancellationToken)) is { } view
            ? TypedResults.Ok(view)
            : NotFound(id);

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Supplement(
        Guid id, SupplementRequest request, ClaimsPrincipal user, WindowReception window, CancellationToken cancellationToken)
    {
        var result = await window.SupplementAsync(id, request.Materials, user, cancellationToken);
        return result.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(result.Value!);
    }

    public static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawRequest? request, ClaimsPrincipal user, ApplicationService applications, ApplicationReader reader, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        await applications.WithdrawAsync(id, user.Actor(), request?.Reason, cancellationToken);
        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }

    public static async Task<IResult> GetDocument(Guid id, Guid documentId, CaseDocuments documents, HttpContext http, CancellationToken cancellationToken) =>
        await documents.FindAsync(id, documentId, cancellationToken) is { } document
            ? DocumentsApi.Serve(document, http)
            : TypedResults.Problem($"Application {id} has no document {documentId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"Application {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

public sealed record SupplementRequest(IReadOnlyList<MaterialReceived>? Materials);

public sealed record WithdrawRequest(string? Reason);

/// <summary>A matter as the contract lists it, with its whole guide for whoever needs more.</summary>
public sealed record MatterView(
    string Code, string Name, string? Department, string? CaseType, int? StatutoryLimitDays, int? CommittedLimitDays, bool AllowsDeficiencyTolerance,
    JsonArray Materials, string DefinitionId, int Version, JsonObject Guide)
{
    public static MatterView From(Matter m) => new(
        m.Code, m.Name, m.Department, JsonValues.StringOf(m.Guide["caseType"]), JsonValues.Int32Of(m.Guide["statutoryLimitDays"]), JsonValues.Int32Of(m.Guide["committedLimitDays"]),
        m.Guide["allowsDeficiencyTolerance"] is JsonValue v && v.TryGetValue<bool>(out var allows) && allows,
        m.Guide["materials"]?.DeepClone() as JsonArray ?? [], m.DefinitionId, m.Version, (JsonObject)m.Guide.DeepClone());
}
