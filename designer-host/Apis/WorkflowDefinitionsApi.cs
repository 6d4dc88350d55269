using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Designer;
using Approval.DesignerHost.Http;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>Definitions and their versions: draft → publish (immutable) → retract; rollback copies an old version into the draft.</summary>
/// <remarks>
/// Bodies that carry a definition are read as text and parsed by the engine, so a syntax error is reported with its line
/// and position rather than as a generic binding failure. Reads are open to every signed-in user; writes need
/// <see cref="Policies.DesignWorkflows"/>.
/// </remarks>
public static class WorkflowDefinitionsApi
{
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapWorkflowDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/workflow-definitions").WithTags("Workflow definitions");

        api.MapGet("/", ListDefinitions).WithSummary("The latest version of every definition.");
        api.MapGet("/{definitionId}", GetDefinition)
            .WithSummary("One version in Elsa 3's shape with its flags: ?version=latest (default), published or a number.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{definitionId}/versions", ListVersions).WithSummary("Every version, newest first.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/validate", Validate)
            .Accepts<JsonObject>(Json)
            .WithSummary("Checks a definition without storing it; unreadable JSON is answered 200 with valid=false and the parse errors.");

        api.MapPost("/", Create)
            .RequireAuthorization(Policies.DesignWorkflows)
            .Accepts<JsonObject>(Json)
            .WithSummary("Creates a definition as draft version 1.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{definitionId}/draft", SaveDraft)
            .RequireAuthorization(Policies.DesignWorkflows)
            .Accepts<JsonObject>(Json)
            .WithSummary("Saves the draft: overwrites an unpublished latest version, else adds the next version. Drafts may be invalid.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/{definitionId}/publish", Publish)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Publishes the latest version; the previously published one is retracted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{definitionId}/retract", Retract)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Takes the published version out of service; running instances finish on it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{definitionId}/rollback", Rollback)
            .RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Copies an old version into the draft and returns the draft.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/import", Import)
            .RequireAuthorization(Policies.DesignWorkflows)
            .Accepts<JsonObject>(Json)
            .WithSummary("Imports an Elsa 3 workflow export as the draft; ?publish=true also publishes it (and stores nothing if it is invalid).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Ok<List<DefinitionSummary>>> ListDefinitions(IDefinitionStore store, CancellationToken cancellationToken)
    {
        var latest = await store.ListLatestAsync(cancellationToken);
        return TypedResults.Ok(latest.Select(DefinitionSummary.From).ToList());
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetDefinition(string definitionId, string? version, IDefinitionStore store, CancellationToken cancellationToken)
    {
        var which = version?.Trim().ToLowerInvariant() ?? "";
        var number = 0;
        if (which is not ("" or "latest" or "published") && (!int.TryParse(which, out number) || number < 1))
        {
            return TypedResults.Problem($"version must be latest, published or a version number, not '{version}'.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        var row = which switch
        {
            "" or "latest" => await store.FindLatestAsync(definitionId, cancellationToken),
            "published" => await store.FindPublishedAsync(definitionId, cancellationToken),
            _ => await store.FindVersionAsync(definitionId, number, cancellationToken),
        };
        if (row is not null)
        {
            return TypedResults.Ok(ToDocument(row));
        }

        var exists = await store.FindLatestAsync(definitionId, cancellationToken) is not null;
        return NotFound(!exists
            ? $"Definition '{definitionId}' does not exist."
            : which == "published" ? $"Definition '{definitionId}' has no published version." : $"Definition '{definitionId}' has no version {number}.");
    }

    public static async Task<Results<Ok<List<DefinitionSummary>>, ProblemHttpResult>> ListVersions(string definitionId, IDefinitionStore store, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        return versions.Count == 0
            ? NotFound($"Definition '{definitionId}' does not exist.")
            : TypedResults.Ok(versions.Select(DefinitionSummary.From).ToList());
    }

    public static async Task<Ok<ValidationResult>> Validate(HttpRequest request, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var errors = definitions.Validate(await request.ReadTextAsync(cancellationToken));
        return TypedResults.Ok(new ValidationResult(errors.Count == 0, errors));
    }

    public static async Task<Created<JsonObject>> Create(HttpRequest request, ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var definition = DefinitionJson.Read(await request.ReadTextAsync(cancellationToken));
        var created = await definitions.CreateAsync(definition, user.Actor(), cancellationToken);
        return TypedResults.Created(LocationOf(created.DefinitionId), ToDocument(created));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SaveDraft(
        string definitionId, HttpRequest request, ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        var document = DefinitionJson.ParseObject(await request.ReadTextAsync(cancellationToken));
        switch (document["definitionId"])
        {
            case null:
                document["definitionId"] = definitionId;
                break;
            case JsonValue id when id.GetValueKind() == JsonValueKind.String && id.GetValue<string>() == definitionId:
                break;
            case var other:
                return TypedResults.Problem(
                    $"The body's definitionId ({other.ToJsonString()}) is not the one in the route ('{definitionId}'); leave it out or make them agree.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Bad request");
        }

        var saved = await definitions.SaveDraftAsync(DefinitionJson.Read(document), user.Actor(), cancellationToken);
        return TypedResults.Ok(ToDocument(saved));
    }

    public static async Task<Ok<JsonObject>> Publish(string definitionId, ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDocument(await definitions.PublishAsync(definitionId, user.Actor(), cancellationToken)));

    public static async Task<Ok<JsonObject>> Retract(string definitionId, ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDocument(await definitions.RetractAsync(definitionId, user.Actor(), cancellationToken)));

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Rollback(
        string definitionId, RollbackRequest request, ClaimsPrincipal user, WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (request.Version is not > 0)
        {
            return TypedResults.Problem("Send {\"version\": N} with the version to roll back to.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        return TypedResults.Ok(ToDocument(await definitions.RollbackAsync(definitionId, request.Version.Value, user.Actor(), cancellationToken)));
    }

    public static async Task<Results<Created<JsonObject>, Ok<JsonObject>>> Import(
        HttpRequest request, bool? publish, ClaimsPrincipal user, DefinitionImporter importer, CancellationToken cancellationToken)
    {
        var definition = ElsaImporter.Convert(DefinitionJson.ParseObject(await request.ReadTextAsync(cancellationToken)));
        var (saved, isNew) = await importer.ImportAsync(definition, publish == true, user.Actor(), cancellationToken);
        var document = ToDocument(saved);
        return isNew ? TypedResults.Created(LocationOf(saved.DefinitionId), document) : TypedResults.Ok(document);
    }

    /// <summary>The stored JSON (Elsa 3's shape) with the version's flags, which live on the row because they change.</summary>
    private static JsonObject ToDocument(DefinitionVersion row)
    {
        var document = DefinitionJson.ParseObject(row.Json);
        document["id"] = row.Id;
        document["version"] = row.Version;
        document["isLatest"] = row.IsLatest;
        document["isPublished"] = row.IsPublished;
        document["wasPublished"] = row.WasPublished;
        document["createdAt"] = row.CreatedAt;
        document["updatedAt"] = row.UpdatedAt;
        document["publishedAt"] = row.PublishedAt;
        document["createdBy"] = row.CreatedBy;
        return document;
    }

    private static string LocationOf(string definitionId) => $"/api/workflow-definitions/{Uri.EscapeDataString(definitionId)}";

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
