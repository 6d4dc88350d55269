namespace Approval.DesignerHost.Designer;

public static class DesignerServiceCollectionExtensions
{
    /// <summary>The workflow designer's services, shared by its pages and the definition endpoints.</summary>
    public static IServiceCollection AddWorkflowDesigner(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionDiagramMapper>();
        services.AddScoped<DefinitionImporter>();
        services.AddScoped<DefinitionLibrary>();
        return services;
    }
}
