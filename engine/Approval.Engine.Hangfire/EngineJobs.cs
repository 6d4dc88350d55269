using System.ComponentModel;
using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Engine.Scheduling;
using Hangfire;

namespace Approval.Engine.Hangfire;

/// <summary>The Hangfire jobs that carry engine continuations; each is idempotent, so Hangfire's retries and a second host are harmless.</summary>
[Queue("engine")]
[AutomaticRetry(Attempts = 10)]
public sealed class EngineJobs(WorkflowRuntime runtime)
{
    [DisplayName("Resume bookmark {1} of instance {0}")]
    public async Task ResumeAsync(Guid instanceId, Guid bookmarkId, string? payloadJson, string actor, CancellationToken cancellationToken)
    {
        var payload = payloadJson is null ? null : JsonNode.Parse(payloadJson) as JsonObject;
        await runtime.ResumeIfWaitingAsync(new ResumeRequest(instanceId, bookmarkId, payload, actor), cancellationToken);
    }

    [DisplayName("Start child {0} of instance {1}")]
    public async Task StartChildAsync(Guid childInstanceId, Guid parentInstanceId, Guid parentBookmarkId, string definitionId, string? inputJson, string? correlationId, CancellationToken cancellationToken)
    {
        var input = inputJson is null ? null : JsonNode.Parse(inputJson) as JsonObject;
        await runtime.StartChildAsync(new StartChildRequest(childInstanceId, parentInstanceId, parentBookmarkId, definitionId, input, correlationId), cancellationToken);
    }

    [DisplayName("Cancel instance {0}")]
    public async Task CancelAsync(Guid instanceId, string actor, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.CancelAsync(instanceId, actor, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is WorkflowConflictException or WorkflowNotFoundException)
        {
            // Already finished, or never started: either way there is nothing left to cancel.
        }
    }
}
