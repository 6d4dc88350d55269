using System.Text.Json.Nodes;
using Approval.Engine.Audit;
using Approval.Engine.Bookmarks;
using Approval.Engine.Documents;
using Approval.Engine.Journal;

namespace Approval.DesignerHost.Apis;

/// <summary>A case's audit trail: every line of its journal with who, when, and the state before and after where the line changed one.</summary>
public sealed record InstanceAuditTrail(Guid InstanceId, IReadOnlyList<AuditLineView> Entries);

/// <param name="Before">The state the line changed, as it was (instance status, a task's routing, a clock's due dates); null when the line changed none or started it.</param>
/// <param name="After">The state as the line left it; for a decided task, what the person submitted (outcome, comment, form data).</param>
/// <param name="Hash">The line's link in the instance's hash chain; null on lines written before the chain existed.</param>
public sealed record AuditLineView(
    int Sequence, DateTimeOffset At, string? Actor, string Event, string? ActivityId, string? ActivityType, JsonNode? Before, JsonNode? After, JsonObject? Data, string? Hash)
{
    public static AuditLineView From(JournalEntry j)
    {
        var before = j.Data?["before"]?.DeepClone();
        var after = j.Data?["after"]?.DeepClone();
        if (j.Event == JournalEvents.BookmarkResumed && (string?)j.Data?["kind"] == BookmarkKinds.HumanTask && j.Data?["payload"] is JsonObject submitted)
        {
            // A task decided or acted on: the line carries what the person sent, which is the task's new state.
            after = submitted.DeepClone();
        }

        return new AuditLineView(j.Sequence, j.At, j.Actor, j.Event, j.ActivityId, j.ActivityType, before, after, j.Data, j.Hash);
    }
}

/// <summary>What verifying a case file found: its journal chain and its issued documents together.</summary>
public sealed record InstanceAuditVerification(Guid InstanceId, bool Intact, int Entries, int Unchained, IReadOnlyList<AuditFinding> Findings, CaseFileReport CaseFile)
{
    public static InstanceAuditVerification From(InstanceAuditReport r) => new(r.InstanceId, r.Intact, r.Entries, r.Unchained, r.Findings, r.CaseFile);
}

/// <summary>What verifying the audit table of people's changes outside cases found.</summary>
public sealed record AuditTrailVerification(bool Intact, int Entries, IReadOnlyList<AuditFinding> Findings)
{
    public static AuditTrailVerification From(AuditTrailReport r) => new(r.Intact, r.Entries, r.Findings);
}
