using Approval.Engine.Calendar;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Engine.Hosting;

/// <summary>Applies the engine's migrations, loads the calendar and picks up simulated time when the host starts, before the background servers begin.</summary>
internal sealed class EngineStartup(EngineDatabase database, CalendarService calendar, EngineOptions options, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if (options.CalendarImportFolder is { Length: > 0 } folder)
        {
            await calendar.ImportFolderAsync(folder, cancellationToken);
        }

        await calendar.InitializeAsync(cancellationToken);
        if (services.GetService<SimulatedTimeProvider>() is { } simulated)
        {
            simulated.Observe(await services.GetRequiredService<ISimulatedClockStore>().ReadOffsetAsync(cancellationToken));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
