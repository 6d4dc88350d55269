using System.Collections.Concurrent;
using System.Data.Common;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>The reads every start and resume makes (an instance, a work item, a bookmark, a definition's published
/// version, each by key) in plain SQL, the statement compiled once and kept.</summary>
/// <remarks>
/// Through EF Core such a read rents a context, opens a pooled connection, compiles its statement again (SQLite keeps no
/// statement cache across commands) and shapes the row in the query pipeline: about a fifth of the engine benchmark's
/// CPU went to three of them per instance. On SQLite this class keeps its own open connections, each with its
/// statements prepared; on PostgreSQL it borrows the context's pooled connection, and Npgsql's automatic preparation
/// keeps the statements prepared on the server. Rows map with <see cref="RowReaders"/>, as EF Core would.
/// </remarks>
public sealed class KeyLookups(EngineDbContextFactory contexts) : IDisposable
{
    /// <summary>Open SQLite connections kept between reads; more are opened under load and closed when returned.</summary>
    private const int KeptConnections = 16;

    private static readonly string InstanceById = $"SELECT {RowReaders.InstanceColumns} FROM \"WorkflowInstances\" WHERE \"Id\" = @key";

    private static readonly string WorkItemById = $"SELECT {RowReaders.WorkItemColumns} FROM \"WorkItems\" WHERE \"Id\" = @key";

    private static readonly string BookmarkById = $"SELECT {RowReaders.BookmarkColumns} FROM \"Bookmarks\" WHERE \"Id\" = @key";

    private static readonly string WorkItemAndInstanceById =
        $"SELECT {RowReaders.InstanceAndWorkItemColumns} " +
        "FROM \"WorkItems\" AS w JOIN \"WorkflowInstances\" AS i ON i.\"Id\" = w.\"InstanceId\" WHERE w.\"Id\" = @key";

    // "IsPublished" as a bare flag, like the partial index's filter, so both databases seek that index.
    internal static readonly string PublishedHeaderByDefinition =
        $"SELECT {RowReaders.DefinitionHeaderColumns} FROM \"DefinitionVersions\" WHERE \"DefinitionId\" = @key AND \"IsPublished\" LIMIT 1";

    private readonly ConcurrentBag<KeptConnection> _kept = [];
    private string? _sqliteConnectionString;
    private bool _disposed;

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(InstanceById, Key(id), r => RowReaders.Instance(r), cancellationToken);

    public Task<WorkItem?> FindWorkItemAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(WorkItemById, Key(id), r => RowReaders.WorkItem(r), cancellationToken);

    public Task<Bookmark?> FindBookmarkAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(BookmarkById, Key(id), r => RowReaders.Bookmark(r), cancellationToken);

    public Task<WorkItemAndInstance?> FindWorkItemAndInstanceAsync(Guid workItemId, CancellationToken cancellationToken) =>
        ReadAsync(
            WorkItemAndInstanceById,
            Key(workItemId),
            r => new WorkItemAndInstance(RowReaders.WorkItem(r, RowReaders.InstanceWidth), RowReaders.Instance(r)),
            cancellationToken);

    /// <summary>The published version of a definition without its JSON (which the caller's cache holds by version id).</summary>
    public Task<DefinitionVersion?> FindPublishedHeaderAsync(string definitionId, CancellationToken cancellationToken) =>
        ReadAsync(PublishedHeaderByDefinition, definitionId, r => RowReaders.DefinitionHeader(r), cancellationToken);

    public void Dispose()
    {
        _disposed = true;
        while (_kept.TryTake(out var kept))
        {
            kept.Dispose();
        }
    }

    private object Key(Guid id) => SqlCommitWriter.StoredId(contexts.Provider, id);

    private Task<T?> ReadAsync<T>(string sql, object key, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class =>
        contexts.Provider == DatabaseProvider.Sqlite ? ReadSqliteAsync(sql, key, map, cancellationToken) : ReadPooledAsync(sql, key, map, cancellationToken);

    private async Task<T?> ReadSqliteAsync<T>(string sql, object key, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var kept = _kept.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken);
        var reusable = false;
        try
        {
            var (command, created) = kept.Commands.Get(kept.Connection, sql);
            if (created)
            {
                command.Parameters.Add(new SqliteParameter("@key", key));
            }
            else
            {
                command.Parameters[0].Value = key;
            }

            var row = await ReadOneAsync(command, map, cancellationToken);
            reusable = true;
            return row;
        }
        finally
        {
            // A connection that failed mid-read may hold a statement open: it is closed rather than handed out again.
            if (reusable && !_disposed && _kept.Count < KeptConnections)
            {
                _kept.Add(kept);
            }
            else
            {
                kept.Dispose();
            }
        }
    }

    private async Task<T?> ReadPooledAsync<T>(string sql, object key, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        return await ReadOneAsync(command, map, cancellationToken);
    }

    private static async Task<T?> ReadOneAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }

    private async Task<KeptConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_sqliteConnectionString is null)
        {
            await using var db = contexts.Create();
            _sqliteConnectionString = db.Database.GetConnectionString();
        }

        return new KeptConnection(await SqlitePragmaInterceptor.OpenAsync(_sqliteConnectionString!, cancellationToken));
    }

    private sealed class KeptConnection(SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public PreparedCommands Commands { get; } = new();

        public void Dispose()
        {
            Commands.Dispose();
            Connection.Dispose();
        }
    }
}
