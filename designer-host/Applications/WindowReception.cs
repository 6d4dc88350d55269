using System.Security.Claims;
using System.Text.Json.Nodes;
using Approval.DesignerHost.Apis;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Http;
using Approval.Engine.Execution;
using Approval.Engine.Storage;
using Approval.Workflows.Applications;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Applications;

/// <summary>What the window does with an application — receive it, record a supplement, find a case waiting for one —
/// for <c>/api/applications</c> and the window desk alike.</summary>
public sealed class WindowReception(ApplicationService applications, ApplicationReader reader, UserDirectory directory, WorkflowRuntime runtime, IWorkflowStore store, MatterCatalogue catalogue)
{
    /// <summary>The signal a case waiting on the applicant (one-time notice, 容缺) listens for, correlated by case number.</summary>
    public const string SupplementSignal = "supplement";

    /// <summary>The matters and packages open for applications on <paramref name="today"/>: matters first, then packages.</summary>
    public async Task<IReadOnlyList<DeskOffer>> OffersAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var offers = (await catalogue.ListAsync(cancellationToken)).Where(m => m.ClosedReason(today) is null).Select(m => DeskOffer.From(MatterView.From(m))).ToList();
        foreach (var package in (await catalogue.ListPackagesAsync(cancellationToken)).Where(p => p.ClosedReason(today) is null))
        {
            offers.Add(DeskOffer.From(await PackagesApi.ViewAsync(package, catalogue, cancellationToken)));
        }

        return offers;
    }

    /// <summary>Receives the application as <paramref name="user"/> (首问负责: their name and department go on the documents).</summary>
    /// <exception cref="InvalidApplicationException">Something the application needs is missing or unknown.</exception>
    /// <exception cref="WorkflowNotFoundException">The matter is not in the catalogue.</exception>
    /// <exception cref="WorkflowConflictException">The matter is not open for applications.</exception>
    public async Task<ApplicationView> SubmitAsync(SubmitApplication request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await SubmitAsync(request, user, idempotencyKey: null, cancellationToken)).View;

    /// <summary>Receives the application once per <paramref name="idempotencyKey"/> (see <see cref="IdempotentCaseId"/>):
    /// a repeat answers with the case the first attempt opened, and <c>Created</c> false.</summary>
    public async Task<(ApplicationView View, bool Created)> SubmitAsync(SubmitApplication request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caseId = idempotencyKey is null ? (Guid?)null : IdempotentCaseId.For(user.Actor(), idempotencyKey);
        if (caseId is { } known && await reader.ReadAsync(known, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }

        var officer = new ReceivingOfficer(user.Actor(), directory.Find(user.Actor())?.DisplayName ?? user.Actor(), user.Department());
        try
        {
            var run = await applications.SubmitAsync(request, officer, caseId, cancellationToken);
            // The instance as the submission committed it: no need to read it back.
            return ((await reader.ReadAsync(run.Instance, cancellationToken))!, true);
        }
        catch (DuplicateKeyException) when (caseId is { } raced)
        {
            // A repeat of the same key committed first (on this host or another): its case is the one.
            return ((await reader.ReadAsync(raced, cancellationToken))!, false);
        }
    }

    /// <summary>The case as it now stands, or null when there is none with this id.</summary>
    public Task<ApplicationView?> ReadAsync(Guid id, CancellationToken cancellationToken) => reader.ReadAsync(id, cancellationToken);

    /// <summary>Records the materials the applicant brought; the case as it now stands, or why nothing was recorded.</summary>
    public async Task<Attempt<ApplicationView>> SupplementAsync(Guid id, IReadOnlyList<MaterialReceived>? materials, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(id, cancellationToken) is not { } view)
        {
            return new Refusal(StatusCodes.Status404NotFound, $"Application {id} does not exist.");
        }

        if (materials is not { Count: > 0 } || materials.Any(m => string.IsNullOrWhiteSpace(m?.Code)))
        {
            return new Refusal(StatusCodes.Status400BadRequest, "'materials' must list the materials brought, each with its 'code'.");
        }

        var payload = new JsonObject { ["materials"] = new JsonArray([.. materials.Select(m => (JsonNode)new JsonObject { ["code"] = m.Code })]) };
        var resumed = await runtime.SignalAsync(SupplementSignal, view.CaseNumber, payload, user.Actor(), cancellationToken);
        if (resumed.Count == 0)
        {
            return new Refusal(StatusCodes.Status409Conflict, $"Case {view.CaseNumber} is {view.Status} and waits for no supplement.");
        }

        return (await reader.ReadAsync(id, cancellationToken))!;
    }

    /// <summary>The case with this number, if it waits for the applicant to bring materials (after a one-time notice or under 容缺).</summary>
    public async Task<ApplicationView?> FindAwaitingSupplementAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var waiting = await store.FindSignalBookmarksAsync(SupplementSignal, caseNumber.Trim(), cancellationToken);
        return waiting.Count == 0 ? null : await reader.ReadAsync(waiting[0].InstanceId, cancellationToken);
    }
}
