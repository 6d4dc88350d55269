using System.Text.Json.Nodes;

namespace Approval.Engine.Audit;

/// <summary>One human action outside an instance (a definition published, simulated time moved), with who, when, and the state before and after.</summary>
/// <remarks>
/// Entries form one chain over the whole table, in <see cref="Sequence"/> order (1, 2, 3 …, no gaps): each hash covers the
/// entry and the previous entry's hash. An entry is written in the same transaction as the change it records.
/// </remarks>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>What was done, e.g. <c>definition.publish</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. <c>definition:food-licence@3</c>.</summary>
    public required string Subject { get; set; }

    public JsonNode? Before { get; set; }

    public JsonNode? After { get; set; }

    /// <summary>SHA-256 (hex) over this entry and the previous entry's hash.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>What a caller asks the audit trail to record; the store gives it its sequence, time and hash.</summary>
public sealed record AuditRecord(string Action, string Subject, string Actor, JsonNode? Before = null, JsonNode? After = null);

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string DefinitionCreate = "definition.create";
    public const string DefinitionSaveDraft = "definition.save-draft";
    public const string DefinitionPublish = "definition.publish";
    public const string DefinitionRetract = "definition.retract";
    public const string DefinitionRollback = "definition.rollback";
    public const string ClockAdvance = "clock.advance";
    public const string CalendarYearLoad = "calendar.load-year";
    public const string DocumentTemplateSave = "document-template.save";
}
