using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.Engine.Audit;
using Approval.Engine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The audit record: a case's trail and its verification (supervisors of its department, admins), and the trail of changes outside cases (admins).</summary>
public static class AuditApi
{
    private const int MaxEntries = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup("/workflow-instances").WithTags("Audit").RequireAuthorization(Policies.Supervise).RequireCaseAccess("instanceId", "Instance");
        instances.MapGet("/{instanceId:guid}/audit", GetInstanceTrail)
            .WithSummary("The case's journal as an audit trail: every step and human action with actor, time, and the state before and after.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost("/{instanceId:guid}/audit/verify", VerifyInstance)
            .WithSummary("Recomputes the case's journal hash chain and checks its documents' SHA-256 and manifest; names the first broken row.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/admin/audit").WithTags("Audit").RequireAuthorization(Policies.Administer);
        admin.MapGet("", ListTrail)
            .WithSummary("People's changes outside cases (definitions, templates, calendar, simulated time), newest first; subject filters by prefix, e.g. definition:food-licence.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapPost("/verify", VerifyTrail)
            .WithSummary("Recomputes the hash chain of the audit table and names the first broken entry.");
        return app;
    }

    public static async Task<Ok<InstanceAuditTrail>> GetInstanceTrail(Guid instanceId, IWorkflowStore store, CancellationToken cancellationToken)
    {
        var journal = await store.ReadJournalAsync(instanceId, cancellationToken);
        return TypedResults.Ok(new InstanceAuditTrail(instanceId, [.. journal.Select(AuditLineView.From)]));
    }

    public static async Task<Results<Ok<InstanceAuditVerification>, ProblemHttpResult>> VerifyInstance(
        Guid instanceId, AuditVerifier verifier, CancellationToken cancellationToken)
    {
        return await verifier.VerifyInstanceAsync(instanceId, cancellationToken) is { } report
            ? TypedResults.Ok(InstanceAuditVerification.From(report))
            : NotFound(instanceId);
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ListTrail(
        string? subject, int? max, IAuditStore audit, CancellationToken cancellationToken)
    {
        if (max is < 1 or > MaxEntries)
        {
            return TypedResults.Problem($"'max' must be between 1 and {MaxEntries}, not {max}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        return TypedResults.Ok(await audit.ListRecentAsync(subject, max ?? 100, cancellationToken));
    }

    public static async Task<Ok<AuditTrailVerification>> VerifyTrail(AuditVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(AuditTrailVerification.From(await verifier.VerifyTrailAsync(cancellationToken)));

    private static ProblemHttpResult NotFound(Guid instanceId) =>
        TypedResults.Problem($"Instance {instanceId} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
