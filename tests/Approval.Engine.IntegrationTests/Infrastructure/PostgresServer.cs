using System.Diagnostics;
using Npgsql;

namespace Approval.Engine.IntegrationTests.Infrastructure;

/// <summary>A real PostgreSQL for the tests: the one named by <c>APPROVAL_TEST_POSTGRES</c> (CI starts one), else a throwaway
/// cluster started from the machine's PostgreSQL 15 binaries and removed afterwards.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _dataRoot;

    private PostgresServer(string baseConnectionString, string? dataRoot)
    {
        BaseConnectionString = baseConnectionString;
        _dataRoot = dataRoot;
    }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string BaseConnectionString { get; }

    public static async Task<PostgresServer> GetAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var configured = Environment.GetEnvironmentVariable("APPROVAL_TEST_POSTGRES");
                if (string.IsNullOrWhiteSpace(configured))
                {
                    _shared = await StartThrowawayAsync();
                }
                else
                {
                    _shared = new PostgresServer(configured, null);
                    await _shared.DropStaleDatabasesAsync();
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.Stop();
            }

            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        // The creation time in the name lets a later run on a long-lived server drop what this one leaves behind.
        var name = $"{prefix}_{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = name, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Drops the databases earlier test runs left on a long-lived server (a throwaway one goes as a whole).</summary>
    /// <remarks>
    /// A test database outlives its test (hosts restart on it, and xUnit v2 has no hook after the last test), so on a
    /// developer's server they piled up by the hundred. A database is dropped once it is older than any test run lasts, or
    /// when its name predates the timestamp; never with FORCE, so one still in use is left alone.
    /// </remarks>
    private async Task DropStaleDatabasesAsync()
    {
        var cutoff = TimeProvider.System.GetUtcNow().AddHours(-6).ToUnixTimeSeconds();
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'engine\\_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var parts = reader.GetString(0).Split('_');
                if (parts.Length == 2 || (parts.Length == 3 && long.TryParse(parts[1], out var created) && created < cutoff))
                {
                    stale.Add(reader.GetString(0));
                }
            }
        }

        foreach (var name in stale)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // Someone is using it: another run on the same server.
            }
        }
    }

    private static async Task<PostgresServer> StartThrowawayAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "initdb")))
        {
            throw new InvalidOperationException($"No PostgreSQL: set APPROVAL_TEST_POSTGRES or install postgresql-15 (expected {Binaries}/initdb).");
        }

        var root = Directory.CreateTempSubdirectory("approval-pg-").FullName;
        var port = 56000 + Random.Shared.Next(0, 2000);
        Run("chown", $"postgres:postgres {root}");
        Run("runuser", $"-u postgres -- {Binaries}/initdb -D {root}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        Run("runuser", $"-u postgres -- {Binaries}/pg_ctl -D {root}/data -l {root}/pg.log -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c max_connections=200 -c fsync=off\" start");
        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        await Task.CompletedTask;
        return new PostgresServer(connection, root);
    }

    private void Stop()
    {
        if (_dataRoot is null)
        {
            return;
        }

        try
        {
            Run("runuser", $"-u postgres -- {Binaries}/pg_ctl -D {_dataRoot}/data -m immediate -w stop");
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (Exception)
        {
            // Best effort at exit; a leftover temp folder is harmless.
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
