namespace Approval.DesignerHost.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>The supervision reads shared by the HTTP API and the supervision page.</summary>
    /// <remarks>Scoped, like the matter catalogue and the metrics they read (one per request, one per page circuit).</remarks>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<SupervisionBoard>();
        return services;
    }
}
