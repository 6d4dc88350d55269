using System.Data.Common;
using Approval.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Writes the commits that queue up behind SQLite's single writer together, in one transaction with a savepoint each.</summary>
/// <remarks>
/// SQLite writes every page a transaction touches to the WAL, so a small commit costs a transaction's worth of pages and
/// its overhead. Commits that arrive while another is being written wait anyway; writing them as one transaction shares
/// that cost. Each commit still succeeds or fails on its own: a failing one is rolled back to its savepoint and gets its
/// exception (a stale revision, a bookmark already resumed), the others are written. Nothing is acknowledged before the
/// shared transaction has committed.
/// </remarks>
internal sealed class SqliteGroupCommit(EngineDbContextFactory contexts, SqliteWriteGate gate) : IDisposable
{
    private const int MaxBatch = 64;

    private readonly object _lock = new();
    private readonly PreparedCommands _prepared = new();
    private DbConnection? _connection;
    private readonly List<Pending> _queue = [];
    private bool _leading;

    public Task CommitAsync(WorkflowCommit commit)
    {
        var plan = new SqlCommitWriter(DatabaseProvider.Sqlite).Plan(commit);
        var pending = new Pending(plan, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_lock)
        {
            _queue.Add(pending);
            lead = !_leading;
            _leading = true;
        }

        if (lead)
        {
            // The leader writes batches on its own task, so no caller's commit waits for batches after its own.
            _ = Task.Run(LeadAsync);
        }

        return pending.Done.Task;
    }

    private async Task LeadAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _leading = false;
                    return;
                }

                batch = _queue.Take(MaxBatch).ToList();
                _queue.RemoveRange(0, batch.Count);
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        Exception?[] failures;
        try
        {
            using var _ = await gate.EnterAsync(CancellationToken.None);
            var connection = await ConnectionAsync();

            // Optimistically as one plain transaction; only when something in it fails is the batch written again
            // with a savepoint per commit, to find out which one failed and keep the others.
            failures = await TryWriteAllAsync(connection, batch) ? new Exception?[batch.Count] : await WriteEachAsync(connection, batch);
        }
        catch (Exception ex)
        {
            // The connection may be unusable now; the next batch opens a fresh one.
            ResetConnection();
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult();
            }
        }
    }

    private async Task<bool> TryWriteAllAsync(DbConnection connection, List<Pending> batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            foreach (var pending in batch)
            {
                await Writer(connection, transaction).WriteAsync(pending.Plan, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is DbException or ConcurrencyConflictException or BookmarkGoneException or PublishedVersionChangedException)
        {
            await transaction.RollbackAsync();
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    private async Task<Exception?[]> WriteEachAsync(DbConnection connection, List<Pending> batch)
    {
        var failures = new Exception?[batch.Count];
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < batch.Count; i++)
        {
            await transaction.SaveAsync("c");
            try
            {
                await Writer(connection, transaction).WriteAsync(batch[i].Plan, CancellationToken.None);
                await transaction.ReleaseAsync("c");
            }
            catch (Exception ex)
            {
                await transaction.RollbackAsync("c");
                await transaction.ReleaseAsync("c");
                failures[i] = Translate(batch[i].Plan.Commit, ex);
            }
        }

        await transaction.CommitAsync();
        return failures;
    }

    private SqlCommitWriter Writer(DbConnection connection, DbTransaction transaction) => new(DatabaseProvider.Sqlite, connection, transaction, _prepared);

    /// <summary>The writer's own connection, opened through a context so it gets the same settings (pragmas) as every other.</summary>
    private async Task<DbConnection> ConnectionAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        ResetConnection();
        await using var db = contexts.Create();
        var opened = await SqlitePragmaInterceptor.OpenAsync(db.Database.GetConnectionString()!, CancellationToken.None);
        return _connection = opened;
    }

    /// <summary>Closes the writer's connection when the host shuts down; a batch still being written then fails and its callers retry.</summary>
    public void Dispose() => ResetConnection();

    private void ResetConnection()
    {
        _prepared.Dispose();
        _connection?.Dispose();
        _connection = null;
    }

    private static Exception Translate(WorkflowCommit commit, Exception exception) =>
        exception is DbException db && commit.IsNew && DatabaseErrors.IsUniqueViolation(db)
            ? new DuplicateKeyException($"Instance {commit.Instance.Id} already exists.", db)
            : exception;

    private sealed record Pending(SqlCommitWriter.CommitPlan Plan, TaskCompletionSource Done);
}
