using Microsoft.Extensions.Hosting;

namespace Approval.Bench;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM alone (the console lifetime would swallow them), so <see cref="Interruption"/> gets them.</summary>
public sealed class BenchLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
