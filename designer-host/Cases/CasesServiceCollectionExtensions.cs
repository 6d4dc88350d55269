namespace Approval.DesignerHost.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Reading instances and finding cases, shared by the case view and the instance endpoints.</summary>
    public static IServiceCollection AddCaseViews(this IServiceCollection services)
    {
        services.AddScoped<InstanceReader>();
        services.AddScoped<CaseDirectory>();
        services.AddScoped<CaseGate>();
        return services;
    }
}
