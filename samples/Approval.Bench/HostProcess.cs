using System.Diagnostics;
using System.Net.Sockets;

namespace Approval.Bench;

/// <summary>The designer host run as its own process, as production runs it, so it can be measured apart from the client
/// and killed with SIGKILL mid-flight.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri url, string logFile)
    {
        _process = process;
        Url = url;
        LogFile = logFile;
    }

    public Uri Url { get; }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the host on <paramref name="port"/> (a free one by default) with the given settings (environment
    /// form) and waits until /health answers. A restart passes the old port, so clients find the host where it was.</summary>
    public static async Task<HostProcess> StartAsync(string hostDll, IReadOnlyDictionary<string, string> settings, string logFile, CancellationToken cancellationToken, int? port = null)
    {
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(logFile)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new BenchFailedException("Could not start the host process.");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), logFile);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new BenchFailedException($"The host exited with {process.ExitCode} while starting; see {logFile}.");
            }

            try
            {
                if ((await http.GetAsync("/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        process.Kill(entireProcessTree: true);
        throw new BenchFailedException($"The host did not answer /health within 120 s; see {logFile}.");
    }

    /// <summary>The host's peak resident set (VmHWM) in MiB, read from /proc.</summary>
    public double PeakRssMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed — a power cut as far as the host can tell.</summary>
    /// <remarks>On Unix, <see cref="Process.Kill(bool)"/> sends SIGKILL (not SIGTERM), to the child and its descendants.</remarks>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Where the host's build output is: --host-dll, or designer-host's Release (then Debug) build beside this program.</summary>
    public static string Locate(string? hostDll)
    {
        if (hostDll is not null)
        {
            return File.Exists(hostDll) ? Path.GetFullPath(hostDll) : throw new UsageException($"--host-dll '{hostDll}' does not exist.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(folder.FullName, "designer-host", "bin", configuration, "net10.0", "Approval.DesignerHost.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new UsageException("Build the host first (dotnet build -c Release designer-host) or pass --host-dll.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
