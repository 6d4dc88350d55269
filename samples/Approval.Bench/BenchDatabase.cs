using Approval.Engine.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Approval.Bench;

/// <summary>The database a run uses: a fresh SQLite temp file by default, or the given one, recreated on request.</summary>
/// <remarks>
/// A <c>variant</c> names a second database beside the given one (SQLite: <c>approval-empty.db</c>; PostgreSQL:
/// <c>bench_empty</c>), for runs that measure two databases side by side.
/// </remarks>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? _tempFolder;

    private BenchDatabase(string connectionString, string? tempFolder, bool keep)
    {
        ConnectionString = connectionString;
        _tempFolder = keep ? null : tempFolder;
    }

    public string ConnectionString { get; }

    /// <summary>What to print about where the data is, without credentials.</summary>
    public string Description { get; private init; } = "";

    public static async Task<BenchDatabase> PrepareAsync(EngineBenchOptions options, string? variant, CancellationToken cancellationToken)
    {
        var suffix = variant is null ? "" : "-" + variant;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            if (options.Connection is null)
            {
                var folder = Directory.CreateTempSubdirectory("approval-bench-").FullName;
                var file = Path.Combine(folder, $"approval{suffix}.db");
                return new BenchDatabase($"Data Source={file}", folder, options.KeepDatabase) { Description = file };
            }

            var builder = new SqliteConnectionStringBuilder(options.Connection);
            if (variant is not null)
            {
                builder.DataSource = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) ?? "",
                    Path.GetFileNameWithoutExtension(builder.DataSource) + suffix + Path.GetExtension(builder.DataSource));
            }

            if (options.RecreateDatabase)
            {
                foreach (var part in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(builder.DataSource + part);
                }
            }

            return new BenchDatabase(builder.ConnectionString, null, keep: true) { Description = builder.DataSource };
        }

        var postgres = new NpgsqlConnectionStringBuilder(options.Connection);
        if (string.IsNullOrEmpty(postgres.Database))
        {
            throw new UsageException("The postgres connection string needs a Database.");
        }

        if (variant is not null)
        {
            postgres.Database += "_" + variant;
        }

        if (options.RecreateDatabase)
        {
            var admin = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var quoted = "\"" + postgres.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", $"CREATE DATABASE {quoted}" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return new BenchDatabase(postgres.ConnectionString, null, keep: true) { Description = $"{postgres.Host}:{postgres.Port}/{postgres.Database}" };
    }

    public void Dispose()
    {
        if (_tempFolder is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_tempFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is left for the OS to clean up with the temp folder.
        }
    }
}
