namespace Approval.DesignerHost.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>The supervision reads shared by the HTTP API and the supervision page.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<SupervisionBoard>();
        services.AddScoped<ISupervisionMetricsSource, PendingMetricsSource>();
        return services;
    }
}
