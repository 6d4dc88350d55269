namespace Approval.Engine.Execution;

/// <summary>The thing asked for does not exist (HTTP 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>The request does not fit the current state: already completed, not faulted, nothing to publish (HTTP 409).</summary>
public sealed class WorkflowConflictException(string message) : Exception(message);

/// <summary>A resume carried data the waiting activity cannot accept, e.g. an outcome the task does not offer (HTTP 400).</summary>
/// <remarks>Nothing is written when this is thrown: the bookmark keeps waiting.</remarks>
public sealed class InvalidStimulusException(string message) : Exception(message);
