using Approval.Engine.Execution;
using Approval.Engine.Scheduling;
using Hangfire;
using System.Text.Json;

namespace Approval.Engine.Hangfire;

/// <summary>Engine continuations as Hangfire jobs, stored in Hangfire's database and retried until they succeed.</summary>
/// <remarks>Arguments go as plain values and JSON text: Hangfire serialises arguments itself and should not see engine types.</remarks>
public sealed class HangfireBackgroundDispatcher(IBackgroundJobClient jobs) : IBackgroundDispatcher
{
    public Task DispatchResumeAsync(ResumeRequest request, CancellationToken cancellationToken)
    {
        jobs.Enqueue<EngineJobs>(j => j.ResumeAsync(request.InstanceId, request.BookmarkId, Json(request.Payload), request.Actor, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task DispatchStartChildAsync(StartChildRequest request, CancellationToken cancellationToken)
    {
        jobs.Enqueue<EngineJobs>(j => j.StartChildAsync(
            request.ChildInstanceId, request.ParentInstanceId, request.ParentBookmarkId, request.DefinitionId, Json(request.Input), request.CorrelationId, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task DispatchCancelAsync(CancelRequest request, CancellationToken cancellationToken)
    {
        jobs.Enqueue<EngineJobs>(j => j.CancelAsync(request.InstanceId, request.Actor, request.Reason, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task DispatchClockReprojectionAsync(CancellationToken cancellationToken)
    {
        jobs.Enqueue<SlaJobs>(j => j.ReprojectAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, EngineJson.Options);
}
