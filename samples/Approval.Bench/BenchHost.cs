using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Bench;

/// <summary>The engine hosted as an application hosts it; without Quartz, Hangfire and the relay unless asked (most flows here have no timers).</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds and starts the host; the engine's migrations run at start. <paramref name="timeStore"/> times store calls (<see cref="StoreTiming"/>).</summary>
    /// <param name="backgroundServers">Run the Quartz scheduler, the Hangfire server and the outbox relay, as a host in service does.</param>
    public static async Task<BenchHost> StartAsync(
        DatabaseProvider provider, string connectionString, bool timeStore, CancellationToken cancellationToken, Action<IServiceCollection>? extra = null, bool backgroundServers = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, BenchLifetime>();
        builder.Services.AddApprovalEngine(new EngineOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            RunBackgroundServers = backgroundServers,
        });
        if (timeStore)
        {
            StoreTiming.Register(builder.Services);
        }

        extra?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BenchHost(host);
    }

    /// <summary>Saves a draft of the definition and publishes it, as an analyst does; returns the published version.</summary>
    public async Task<DefinitionVersion> PublishAsync(string json, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var definition = DefinitionJson.Read(json);
        await definitions.SaveDraftAsync(definition, "bench", cancellationToken);
        return await definitions.PublishAsync(definition.DefinitionId, "bench", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
