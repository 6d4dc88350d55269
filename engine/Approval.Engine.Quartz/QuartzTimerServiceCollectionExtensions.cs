using Approval.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Approval.Engine.Quartz;

/// <summary>The database a Quartz job store lives in.</summary>
public enum QuartzStore
{
    Sqlite,
    PostgreSql,
}

public static class QuartzTimerServiceCollectionExtensions
{
    /// <summary>Runs engine timers on Quartz with a persistent job store; clustered on PostgreSQL so several hosts share the work.</summary>
    /// <param name="time">The clock triggers follow; Quartz's own (real time) when null.</param>
    /// <remarks>
    /// <c>IgnoreDuplicates</c> stops a starting host from overwriting the shared job, which in a cluster made two nodes
    /// fire the same trigger (shared/research/stack.md §3).
    /// </remarks>
    public static IServiceCollection AddApprovalEngineQuartzTimers(this IServiceCollection services, QuartzStore store, string connectionString, bool runScheduler = true, TimeProvider? time = null)
    {
        services.AddSingleton<ITimerScheduler, QuartzTimerScheduler>();
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.IgnoreDuplicates = true;
            o.Scheduling.OverwriteExistingData = false;
        });
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "approval-engine");
            q.UseDefaultThreadPool(p => p.MaxConcurrency = 4);
            if (time is not null)
            {
                // Simulated time: triggers fall due on the simulated clock, like everything else.
                q.UseTimeProvider(time);
            }

            q.UsePersistentStore(s =>
            {
                if (store == QuartzStore.PostgreSql)
                {
                    s.UsePostgres(connectionString);
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }
                else
                {
                    s.UseSqlite(connectionString);
                }

                s.ProvisionSchema();
            });
            q.AddJob<TimerFiredJob>(j => j.WithIdentity(QuartzTimerScheduler.JobKey).StoreDurably());
        });
        if (runScheduler)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
