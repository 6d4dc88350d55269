using System.Security.Cryptography;
using Approval.Engine.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>What the <c>crash</c> and <c>cluster</c> verbs share: host processes on one database under simulated time,
/// a client per host, the run's cases, and the check at the end.</summary>
public sealed class ChaosSession : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private readonly List<CaseDriver> _drivers = [];
    private readonly string _hostDll;
    private readonly string _folder;
    private readonly DatabaseProvider _provider;
    private readonly Dictionary<string, string> _settings;

    private ChaosSession(string hostDll, DatabaseProvider provider, string connectionString)
    {
        _hostDll = hostDll;
        _provider = provider;
        ConnectionString = connectionString;
        _folder = Directory.CreateTempSubdirectory("approval-chaos-").FullName;
        _settings = HttpBenchmark.Settings(provider, connectionString);
        _settings["Approval__Clock__Mode"] = "Simulated";

        // Every host must check the tokens every other host signs, and a restarted host the ones it signed before.
        _settings["Approval__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    }

    public string ConnectionString { get; }

    public IReadOnlyList<HostProcess> Hosts => _hosts;

    public IReadOnlyList<ChaosCase> Cases { get; private set; } = [];

    public ChaosClient Client { get; private set; } = null!;

    /// <summary>Starts <paramref name="hosts"/> host processes one after the other (the first migrates and seeds), signs
    /// in on each, and plans <paramref name="applications"/> cases.</summary>
    public static async Task<ChaosSession> StartAsync(string? hostDll, DatabaseProvider provider, string connectionString, int hosts, int applications, int concurrency, CancellationToken cancellationToken)
    {
        var session = new ChaosSession(HostProcess.Locate(hostDll), provider, connectionString);
        try
        {
            for (var i = 0; i < hosts; i++)
            {
                session._hosts.Add(await HostProcess.StartAsync(session._hostDll, session._settings, session.LogFile(i), cancellationToken));
                session._drivers.Add(await CaseDriver.ConnectAsync(session._hosts[i].Url, concurrency, cancellationToken));
            }

            var runKey = $"chaos-{Guid.NewGuid():N}";
            session.Cases = [.. Enumerable.Range(0, applications).Select(n => new ChaosCase(n, runKey))];
            session.Client = new ChaosClient(session._drivers,
                await session._drivers[0].FindMatterAsync(CaseDriver.MatterDefinitionId, cancellationToken),
                await session._drivers[0].FindMatterAsync(ChaosVerifier.FoodDefinitionId, cancellationToken));
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILLs host <paramref name="index"/> and starts it again on the same port and database; returns how long
    /// until it answered /health again.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(int index, CancellationToken cancellationToken)
    {
        var port = _hosts[index].Url.Port;
        _hosts[index].Kill();
        var down = System.Diagnostics.Stopwatch.StartNew();
        await _hosts[index].DisposeAsync();
        _hosts[index] = await HostProcess.StartAsync(_hostDll, _settings, LogFile(index), cancellationToken, port);
        return down.Elapsed;
    }

    /// <summary>Checks the database through an engine of this program's own (no background servers).</summary>
    public async Task<IReadOnlyList<(string Name, object Value)>> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var engine = await BenchHost.StartAsync(_provider, ConnectionString, timeStore: false, cancellationToken);
        return await ChaosVerifier.VerifyAsync(engine.Services, Cases, Client.Retrying, cancellationToken);
    }

    /// <summary>Peak resident set of each host, for the figures.</summary>
    public IEnumerable<double> PeakRssMiB() => _hosts.Select(h => h.PeakRssMiB());

    public string LogFile(int index) => Path.Combine(_folder, $"host{index}.log");

    public async ValueTask DisposeAsync()
    {
        foreach (var driver in _drivers)
        {
            driver.Dispose();
        }

        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
