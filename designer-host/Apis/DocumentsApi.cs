using System.Net.Mime;
using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.DesignerHost.Designer;
using Approval.Engine.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>Issued documents (the case file) and the versioned templates they are rendered from.</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/workflow-instances/{instanceId:guid}/documents", ListForInstance)
            .RequireCaseAccess("instanceId", "Instance")
            .WithTags("Documents")
            .WithSummary("The case file: every document the instance issued, in order, with its SHA-256.");
        app.MapGet("/workflow-instances/{instanceId:guid}/documents/verify", Verify)
            .RequireCaseAccess("instanceId", "Instance")
            .WithTags("Documents")
            .WithSummary("Checks the case file: every document against the SHA-256 recorded at issue, and the closing manifest against the documents it lists.");
        app.MapGet("/documents/{documentId:guid}", GetDocument)
            .WithTags("Documents")
            .WithSummary("A document as issued (HTML that prints on A4); the ETag is its SHA-256.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var templates = app.MapGroup("/document-templates").WithTags("Document templates");
        templates.MapGet("", ListTemplates).WithSummary("Stored template versions (the shipped defaults are version 1 of scope 'default' until overridden).");
        templates.MapPut("/{kind}", SaveTemplate)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Adds a new version of a template, for all matters (scope=default) or one matter (scope=<matter code>).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Ok<List<DocumentSummary>>> ListForInstance(Guid instanceId, IDocumentStore documents, CancellationToken cancellationToken) =>
        TypedResults.Ok((await documents.ListForInstanceAsync(instanceId, cancellationToken)).Select(DocumentSummary.From).ToList());

    public static async Task<Ok<CaseFileReport>> Verify(Guid instanceId, CaseFileVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(instanceId, cancellationToken));

    public static async Task<IResult> GetDocument(Guid documentId, IDocumentStore documents, CaseGate gate, HttpContext http, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(documentId, cancellationToken) is not { } document)
        {
            return TypedResults.Problem($"Document {documentId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (await gate.CheckAsync(http.User, document.InstanceId, "The case of document", cancellationToken) is { } refusal)
        {
            return refusal.ToProblem();
        }

        return Serve(document, http);
    }

    /// <summary>A document as issued: its HTML, with its SHA-256 as the ETag so a reader can check what it holds.</summary>
    public static IResult Serve(InstanceDocument document, HttpContext http)
    {
        http.Response.Headers.ETag = $"\"{document.Sha256}\"";
        http.Response.Headers["X-Content-SHA256"] = document.Sha256;
        http.Response.Headers.ContentDisposition = new ContentDisposition { Inline = true, FileName = $"{document.Kind}-{document.Id:N}.html" }.ToString();
        return TypedResults.Text(document.Content, document.ContentType);
    }

    public static async Task<Ok<List<DocumentTemplate>>> ListTemplates(string? kind, IDocumentStore documents, CancellationToken cancellationToken) =>
        TypedResults.Ok((await documents.ListTemplateVersionsAsync(kind, cancellationToken)).ToList());

    public static async Task<Results<Created<DocumentTemplate>, ProblemHttpResult>> SaveTemplate(
        string kind, string? scope, SaveTemplateRequest request, ClaimsPrincipal user, IDocumentStore documents, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Content) || string.IsNullOrWhiteSpace(request.Title))
        {
            return TypedResults.Problem("A template needs a 'title' and a 'content' (a Scriban HTML template).", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        if (kind.Length > 64 || (scope?.Length ?? 0) > 100)
        {
            return TypedResults.Problem("The kind may be at most 64 characters and the scope at most 100.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        var errors = DocumentRenderer.Check(request.Content);
        if (errors.Count > 0)
        {
            var problem = TypedResults.Problem($"The template does not parse: {errors[0]}", statusCode: StatusCodes.Status400BadRequest, title: "The template is invalid");
            problem.ProblemDetails.Extensions["errors"] = errors;
            return problem;
        }

        if (TemplateTrial.Run(kind, request.Content, time) is { } failure)
        {
            return TypedResults.Problem($"The template fails when tried on a sample case: {failure}", statusCode: StatusCodes.Status400BadRequest, title: "The template is invalid");
        }

        var saved = await documents.AddTemplateVersionAsync(kind, string.IsNullOrWhiteSpace(scope) ? DocumentTemplate.DefaultScope : scope, request.Title, request.Content, user.Actor(), time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/document-templates?kind={Uri.EscapeDataString(kind)}", saved);
    }
}

public sealed record SaveTemplateRequest(string? Title, string? Content);

public sealed record DocumentSummary(Guid Id, Guid InstanceId, string Kind, string Title, string? Number, string Sha256, string? TemplateKey, int? TemplateVersion, string? ActivityId, DateTimeOffset CreatedAt, string? CreatedBy)
{
    public static DocumentSummary From(InstanceDocument d) =>
        new(d.Id, d.InstanceId, d.Kind, d.Title, d.Number, d.Sha256, d.TemplateKey, d.TemplateVersion, d.ActivityId, d.CreatedAt, d.CreatedBy);
}
