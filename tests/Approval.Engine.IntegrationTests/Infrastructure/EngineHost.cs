using Approval.Activities;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.Definitions;
using Approval.Engine.Hosting;
using Approval.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.IntegrationTests.Infrastructure;

/// <summary>A real engine host (EF Core, Quartz, Hangfire, relay) on a real database, as a test drives it.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, EngineOptions options)
    {
        _host = host;
        Options = options;
    }

    public EngineOptions Options { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<EngineHost> StartAsync(EngineOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("APPROVAL_TEST_LOG") is { Length: > 0 } logFile)
        {
            // For chasing a flaky test: warnings and errors of every host, appended to one file.
            builder.Logging.AddProvider(new FileLoggerProvider(logFile));
            builder.Logging.SetMinimumLevel(LogLevel.Information);
        }
        else
        {
            builder.Logging.AddFilter(_ => false);
        }
        builder.Services.AddApprovalEngine(options);
        builder.Services.AddApprovalActivities();
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, options);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<RunResult> StartAsync(string definitionId, StartOptions? options = null) =>
        InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().StartAsync(definitionId, options ?? new StartOptions(), CancellationToken.None));

    public Task<RunResult> CompleteAsync(Guid workItemId, string outcome, string actor = "tester") =>
        InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().CompleteWorkItemAsync(workItemId, outcome, null, null, actor, CancellationToken.None));

    /// <summary>Saves and publishes a definition, returning the published version.</summary>
    public Task<DefinitionVersion> PublishAsync(string json) =>
        InScopeAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<WorkflowDefinitionService>();
            var definition = DefinitionJson.Read(json);
            await definitions.SaveDraftAsync(definition, "tester", CancellationToken.None);
            return await definitions.PublishAsync(definition.DefinitionId, "tester", CancellationToken.None);
        });

    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();

    /// <summary>Polls until the condition holds or the timeout passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        if (Options.Provider == DatabaseProvider.PostgreSql)
        {
            // Npgsql keeps a finished test's idle connections for minutes, one pool per test database; across a run they
            // added up past the server's max_connections. Connections still in use close when they are returned.
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }
}

/// <summary>Makes engine options for a fresh database of one provider.</summary>
public static class TestDatabases
{
    public static async Task<EngineOptions> NewAsync(DatabaseProvider provider, bool runBackgroundServers = true)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("approval-test-").FullName;
            return new EngineOptions
            {
                Provider = provider,
                ConnectionString = $"Data Source={Path.Combine(folder, "approval.db")}",
                RunBackgroundServers = runBackgroundServers,
                RelayPollInterval = TimeSpan.FromMilliseconds(200),
            };
        }

        var server = await PostgresServer.GetAsync();
        return new EngineOptions
        {
            Provider = provider,
            ConnectionString = await server.CreateDatabaseAsync("engine"),
            RunBackgroundServers = runBackgroundServers,
            RelayPollInterval = TimeSpan.FromMilliseconds(200),
        };
    }
}
