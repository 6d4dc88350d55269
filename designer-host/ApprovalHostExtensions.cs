using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Hosting;
using Approval.Workflows;

namespace Approval.DesignerHost;

/// <summary>Wires the host: configuration, engine, API and UI.</summary>
public static class ApprovalHostExtensions
{
    public static WebApplicationBuilder AddApprovalHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var provider = configuration.GetValue("Approval:Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Approval")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=approval.db" : throw new InvalidOperationException("Set ConnectionStrings__Approval to the PostgreSQL connection string."));
        builder.Services.AddApprovalEngine(new EngineOptions { Provider = provider, ConnectionString = connectionString });
        builder.Services.AddApprovalWorkflows();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseApprovalHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        return app;
    }
}
