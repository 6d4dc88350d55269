using System.Text.Json.Nodes;
using Approval.Engine.Execution;
using Approval.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Approval.Engine.Quartz;

/// <summary>Resumes the bookmark of a timer that fell due; a bookmark already resumed or cancelled makes it a no-op.</summary>
public sealed class TimerFiredJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    public const string InstanceIdKey = "instanceId";
    public const string BookmarkIdKey = "bookmarkId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var instanceId = Guid.Parse(data.GetString(InstanceIdKey)!);
        var bookmarkId = Guid.Parse(data.GetString(BookmarkIdKey)!);
        await using var scope = scopes.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var payload = new JsonObject { ["firedAt"] = clock.GetUtcNow().ToString("O") };
        await runtime.ResumeIfWaitingAsync(new ResumeRequest(instanceId, bookmarkId, payload, "system:timer"), cancellationToken);
    }
}
