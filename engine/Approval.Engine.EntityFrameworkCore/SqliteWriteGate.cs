namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Serialises this process's write transactions when the database is SQLite; does nothing on PostgreSQL.</summary>
/// <remarks>
/// SQLite allows one writer at a time. Without a gate, concurrent writers in one process meet SQLITE_BUSY and spin in
/// the driver's retry loop; queueing them here is both faster and fair. Several processes on one SQLite file still
/// work through the driver's busy timeout, but several hosts belong on PostgreSQL.
/// </remarks>
public sealed class SqliteWriteGate(DatabaseProvider provider)
{
    private readonly SemaphoreSlim? _semaphore = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public readonly struct Releaser(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
