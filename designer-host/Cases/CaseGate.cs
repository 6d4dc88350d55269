using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Http;
using Approval.Engine.Instances;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Cases;

/// <summary>The check before anything is read from or done to one instance: it exists, and it is the user's to see
/// (<see cref="CaseAccess"/>). Role policies say what kind of thing a user may do; this says to which cases.</summary>
public sealed class CaseGate(IWorkflowStore store)
{
    private WorkflowInstance? _passed;

    /// <summary>Null when the user may go on; else a 404 (no such instance) or a 403 (another department's case).</summary>
    public async Task<Refusal?> CheckAsync(ClaimsPrincipal user, Guid instanceId, string noun, CancellationToken cancellationToken)
    {
        if (await store.FindInstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return new Refusal(StatusCodes.Status404NotFound, $"{noun} {instanceId} does not exist.");
        }

        if (CaseAccess.MaySee(user, instance.Input))
        {
            _passed = instance;
            return null;
        }

        return new Refusal(StatusCodes.Status403Forbidden,
            $"{noun} {instanceId} belongs to {CaseAccess.DepartmentOf(instance.Input)}; you ({user.Actor()}, {user.Department() ?? "no department"}) may see only your department's cases and those your office received.");
    }

    /// <summary>The instance this request's check let through, as it was read then: a handler that only reads the case
    /// can use it instead of reading it again (the gate is per request). Null when no check passed for that id.</summary>
    public WorkflowInstance? Passed(Guid instanceId) => _passed?.Id == instanceId ? _passed : null;
}

/// <summary>Runs <see cref="CaseGate"/> on the instance a route names, before its handler.</summary>
public static class CaseGateEndpoints
{
    /// <param name="routeValue">The route parameter holding the instance id (<c>instanceId</c>, or <c>id</c> for an application).</param>
    /// <param name="noun">What the id names, for the message (<c>Instance</c>, <c>Application</c>).</param>
    public static TBuilder RequireCaseAccess<TBuilder>(this TBuilder builder, string routeValue, string noun)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues[routeValue] is string raw && Guid.TryParse(raw, out var id)
                && await http.RequestServices.GetRequiredService<CaseGate>().CheckAsync(http.User, id, noun, http.RequestAborted) is { } refusal)
            {
                return refusal.ToProblem();
            }

            return await next(context);
        });
}
