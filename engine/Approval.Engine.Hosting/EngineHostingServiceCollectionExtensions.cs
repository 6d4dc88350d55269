using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Hangfire;
using Approval.Engine.Quartz;
using Approval.Engine.Scheduling;
using Approval.Engine.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Hosting;

public static class EngineHostingServiceCollectionExtensions
{
    /// <summary>Hosts the engine: storage on EF Core, timers on Quartz, continuations on Hangfire, the outbox relay, and migrations at start-up.</summary>
    /// <remarks>
    /// On PostgreSQL, Quartz and Hangfire keep their tables in the engine's database (Quartz clustered), so N hosts on one
    /// database share timers and jobs. On SQLite they get sibling files: SQLite has one writer per file, and their own
    /// locking would queue behind the engine's commits.
    /// </remarks>
    public static IServiceCollection AddApprovalEngine(this IServiceCollection services, EngineOptions options)
    {
        services.AddSingleton(options);
        SimulatedTimeProvider? simulated = null;
        if (options.ClockMode == ClockMode.Simulated)
        {
            simulated = new SimulatedTimeProvider(TimeProvider.System);
            services.AddSingleton(simulated);
            services.AddSingleton<TimeProvider>(simulated);
            services.AddScoped<SimulatedClock>();
        }

        services.AddApprovalEngineCore();

        // Migrations run before any other hosted service so that the relay, Quartz and Hangfire find their tables.
        services.AddHostedService<EngineStartup>();
        if (simulated is not null)
        {
            services.AddHostedService<SimulatedClockSync>();
        }

        services.AddApprovalEngineStorage(options.Provider, options.ConnectionString);

        var (quartzStore, quartzConnection, hangfireStore, hangfireConnection) = options.Provider == DatabaseProvider.PostgreSql
            ? (QuartzStore.PostgreSql, options.ConnectionString, HangfireStore.PostgreSql, options.ConnectionString)
            : (QuartzStore.Sqlite, $"Data Source={SiblingFile(options.ConnectionString, "quartz")}", HangfireStore.Sqlite, SiblingFile(options.ConnectionString, "hangfire"));
        services.AddApprovalEngineQuartzTimers(quartzStore, quartzConnection, options.RunBackgroundServers, simulated);
        services.AddApprovalEngineHangfireDispatch(hangfireStore, hangfireConnection, options.RunBackgroundServers, options.HangfireWorkers);

        if (options.RunBackgroundServers)
        {
            services.AddSingleton<OutboxRelayService>();
            services.AddSingleton<IOutboxNotifier>(sp => sp.GetRequiredService<OutboxRelayService>());
            services.AddHostedService(sp => sp.GetRequiredService<OutboxRelayService>());
        }

        return services;
    }

    /// <summary>The path of a file next to the SQLite database, e.g. <c>approval.quartz.db</c> beside <c>approval.db</c>.</summary>
    internal static string SiblingFile(string sqliteConnectionString, string purpose)
    {
        var dataSource = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var full = Path.GetFullPath(string.IsNullOrEmpty(dataSource) ? "approval.db" : dataSource);
        return Path.Combine(Path.GetDirectoryName(full)!, $"{Path.GetFileNameWithoutExtension(full)}.{purpose}.db");
    }
}
