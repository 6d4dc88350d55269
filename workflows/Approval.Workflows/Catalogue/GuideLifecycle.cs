using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Engine.Execution;

namespace Approval.Workflows.Catalogue;

/// <summary>Whether a guide is open for applications on a day: its state (new, active, suspended, cancelled) and its
/// planned dates (<c>effectiveFrom</c> 计划生效日期, <c>effectiveUntil</c> 计划取消日期) together.</summary>
/// <remarks>
/// A scheduled change needs no job to flip it: a <c>new</c> guide opens by itself on its effective date and an active
/// one closes on its cancellation date, because every submission asks on its own day.
/// </remarks>
public static class GuideLifecycle
{
    public const string New = "new";
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Cancelled = "cancelled";

    /// <summary>Why the guide takes no applications on <paramref name="today"/>, or null when it does.</summary>
    public static string? ClosedReason(JsonObject guide, DateOnly today)
    {
        var state = JsonValues.StringOf(guide["state"]) ?? Active;
        var from = Date(guide["effectiveFrom"]);
        var until = Date(guide["effectiveUntil"]);
        return state switch
        {
            Suspended => "it is suspended (暂停)",
            Cancelled => "it is cancelled (取消)",
            New or Active when from > today => $"it takes effect on {from:yyyy-MM-dd}",
            New when from is null => "it is new and has no effective date yet",
            New or Active when until <= today => $"it was cancelled with effect from {until:yyyy-MM-dd}",
            New or Active => null,
            _ => $"its state '{state}' is not one of new, active, suspended, cancelled",
        };
    }

    private static DateOnly? Date(JsonNode? node) =>
        JsonValues.StringOf(node) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
