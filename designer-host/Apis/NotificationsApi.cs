using System.Security.Claims;
using Approval.DesignerHost.Auth;
using Approval.Engine.Clocks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The signed-in user's in-app notifications: those addressed to them, to their roles, or to their roles in their department.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/notifications").WithTags("Notifications");
        api.MapGet("", List).WithSummary("My notifications, newest first.");
        api.MapPost("/{notificationId:guid}/read", MarkRead).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<List<Notification>>> List(bool? unread, int? limit, ClaimsPrincipal user, IClockStore clocks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await clocks.ListNotificationsAsync(AddressesOf(user), unread ?? false, Math.Clamp(limit ?? 100, 1, 500), cancellationToken)).ToList());

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(Guid notificationId, ClaimsPrincipal user, IClockStore clocks, TimeProvider time, CancellationToken cancellationToken) =>
        await clocks.MarkNotificationReadAsync(notificationId, AddressesOf(user), user.Actor(), time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"You have no notification {notificationId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IReadOnlyList<string> AddressesOf(ClaimsPrincipal user) => Recipients.For(user.Actor(), user.Roles(), user.Department());
}
