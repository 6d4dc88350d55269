namespace Approval.Engine.Instances;

/// <summary>What faulted an instance: the activity, the error, and when.</summary>
public sealed record Incident(string ActivityId, string ActivityType, string Error, string ErrorType, DateTimeOffset At);
