using Approval.Engine.Scheduling;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Hangfire;

/// <summary>The database Hangfire keeps its jobs in.</summary>
public enum HangfireStore
{
    Sqlite,
    PostgreSql,
}

public static class HangfireDispatchServiceCollectionExtensions
{
    /// <summary>Runs engine continuations on Hangfire with durable storage; on PostgreSQL several hosts share the queues.</summary>
    /// <param name="connectionString">For SQLite, the path of Hangfire's database file; for PostgreSQL, a connection string.</param>
    /// <param name="runServer">False for a host that only enqueues (tools, benchmarks).</param>
    public static IServiceCollection AddApprovalEngineHangfireDispatch(this IServiceCollection services, HangfireStore store, string connectionString, bool runServer = true, int workerCount = 4)
    {
        services.AddScoped<EngineJobs>();
        services.AddScoped<SlaJobs>();
        services.AddSingleton<IBackgroundDispatcher, HangfireBackgroundDispatcher>();
        services.AddSingleton<Approval.Engine.Clocks.IEscalationScheduler, HangfireEscalationScheduler>();
        // The storage is this host's own singleton rather than Hangfire's global JobStorage.Current, so two hosts in one
        // process (tests, tools) never enqueue into each other's databases.
        services.AddSingleton<JobStorage>(_ => store == HangfireStore.PostgreSql ? PostgresStorage(connectionString) : SqliteStorage(connectionString));
        services.AddSingleton<JobActivator>(sp => new HostJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<global::Hangfire.Server.IBackgroundJobPerformer>(sp => new global::Hangfire.Server.BackgroundJobPerformer(
            sp.GetRequiredService<global::Hangfire.Common.IJobFilterProvider>(), sp.GetRequiredService<JobActivator>(), TaskScheduler.Default));
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        if (runServer)
        {
            services.AddHostedService<SlaSweepRegistration>();
            services.AddHangfireServer((sp, o) =>
            {
                o.Activator = sp.GetRequiredService<JobActivator>();
                o.Queues = ["engine", "default"];
                o.WorkerCount = workerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        return services;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(500) };
        return new PostgreSqlStorage(new global::Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static SQLiteStorage SqliteStorage(string path) => new(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(500) });
}
