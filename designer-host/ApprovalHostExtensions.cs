using System.Text.Json.Serialization;
using Approval.DesignerHost.Apis;
using Approval.DesignerHost.Applications;
using Approval.DesignerHost.Auth;
using Approval.DesignerHost.Cases;
using Approval.DesignerHost.Components;
using Approval.DesignerHost.Designer;
using Approval.DesignerHost.Http;
using Approval.DesignerHost.Options;
using Approval.DesignerHost.Seeding;
using Approval.DesignerHost.Supervision;
using Approval.DesignerHost.Tasks;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Hosting;
using Approval.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Approval.DesignerHost;

/// <summary>Wires the host: configuration, engine, auth, API and UI.</summary>
public static class ApprovalHostExtensions
{
    public static WebApplicationBuilder AddApprovalHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var (provider, connectionString) = DatabaseOf(configuration);
        var services = builder.Services;
        var engine = new EngineOptions { Provider = provider, ConnectionString = connectionString };
        configuration.GetSection("Approval:Engine").Bind(engine);
        engine.ClockMode = configuration.GetValue("Approval:Clock:Mode", engine.ClockMode);
        engine.CalendarImportFolder = configuration.GetValue("Approval:Calendar:ImportFolder", engine.CalendarImportFolder);
        services.AddApprovalEngine(engine);
        services.AddApprovalWorkflows();
        services.AddSupervision();
        services.AddSingleton<CaseMatterCache>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<TaskActions>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<WindowReception>();

        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddApprovalAuth(SigningKeyFile(provider, connectionString));
        AddSharedDataProtection(services, configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<EngineExceptionHandler>();

        // A body that does not bind (bad JSON, wrong type) throws, so the handler can say what is wrong instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddWorkflowDesigner();
        services.AddCaseViews();

        services.AddHostedService<DemoDataSeeder>();
        services.AddHealthChecks();
        return builder;
    }

    /// <summary>The engine's database as configured: <c>Approval:Database:Provider</c> and <c>ConnectionStrings:Approval</c>.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) DatabaseOf(IConfiguration configuration)
    {
        var provider = configuration.GetValue("Approval:Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Approval")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=approval.db" : throw new InvalidOperationException("Set ConnectionStrings__Approval to the PostgreSQL connection string."));
        return (provider, connectionString);
    }

    public static WebApplication UseApprovalHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Approval API"));

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapAuthApi();
        api.MapActivityTypesApi();
        api.MapWorkflowDefinitionsApi();
        api.MapWorkflowInstancesApi();
        api.MapAuditApi();
        api.MapSignalsApi();
        api.MapWorkItemsApi();
        api.MapCalendarApi();
        api.MapAdminClockApi();
        api.MapSupervisionApi();
        api.MapNotificationsApi();
        api.MapDocumentsApi();
        api.MapTasksApi();
        api.MapApplicationsApi();
        api.MapPackagesApi();

        app.MapAccountEndpoints();
        app.MapHangfireDashboard();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    /// <summary>Sign-in cookies and antiforgery tokens are encrypted with the data-protection key ring. By default each
    /// host keeps its own (under the user's home, named after the content root), so a cookie one host issued is
    /// unreadable on another. <c>Approval:DataProtection:KeysFolder</c> names a folder every host shares (a network
    /// volume), and one application name makes the hosts read each other's keys.</summary>
    private static void AddSharedDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<string?>("Approval:DataProtection:KeysFolder") is { Length: > 0 } folder)
        {
            services.AddDataProtection().SetApplicationName("Approval").PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
    }

    /// <summary>Beside the SQLite file (<c>approval.db</c> → <c>approval.signing-key</c>); in the working folder for PostgreSQL.</summary>
    private static string SigningKeyFile(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return Path.GetFullPath("approval.signing-key");
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var database = Path.GetFullPath(string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? "approval.db" : dataSource);
        return Path.Combine(Path.GetDirectoryName(database)!, $"{Path.GetFileNameWithoutExtension(database)}.signing-key");
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Approval.DesignerHost");
        foreach (var address in addresses)
        {
            logger.LogInformation("Approval is running at {Address} (API reference: {Address}/scalar)", address, address);
        }
    }
}
