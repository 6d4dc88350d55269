namespace Approval.Engine.Audit;

/// <summary>One thing a chain check found wrong: the row (journal line or audit entry sequence) and what differs.</summary>
public sealed record AuditFinding(long Sequence, string Problem);
