using Approval.Engine.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Approval.Engine.Hosting;

/// <summary>Applies the engine's migrations when the host starts, before the background servers begin.</summary>
internal sealed class EngineStartup(EngineDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
