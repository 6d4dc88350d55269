using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.Expressions;
using Approval.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the engine's core: activity registry (built-ins plus any <see cref="Activity"/> registered as a singleton), runner, runtime and definition services.</summary>
    /// <remarks>Storage, timers and dispatch come from their own packages; this registers none of them.</remarks>
    public static IServiceCollection AddApprovalEngineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboxNotifier>(NullOutboxNotifier.Instance);
        services.TryAddSingleton(_ => new CalendarProvider());
        services.AddSingleton(sp => new ActivityRegistry(ActivityRegistry.BuiltIns.Concat(sp.GetServices<Activity>())));
        services.AddSingleton<ScribanExpressionEvaluator>();
        services.AddSingleton<Documents.DocumentRenderer>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionCache>();
        services.TryAddSingleton<Summaries.IInstanceSummarizer, Summaries.NoInstanceSummaries>();
        services.AddSingleton<WorkflowRunner>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<WorkflowDefinitionService>();
        services.AddScoped<OutboxRelay>();
        services.AddScoped<SlaEscalator>();
        services.AddScoped<SlaSweep>();
        services.AddScoped<OverdueTimerSweep>();
        services.AddScoped<ClockReprojector>();
        services.AddScoped<Documents.CaseFileVerifier>();
        services.AddScoped<Audit.AuditVerifier>();
        services.AddSingleton<CalendarService>();
        return services;
    }
}
