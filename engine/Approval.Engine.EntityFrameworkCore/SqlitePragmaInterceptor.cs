using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Sets the per-connection SQLite settings the engine relies on each time a connection opens.</summary>
/// <remarks>
/// WAL with synchronous=NORMAL survives a killed process without losing a committed transaction (only a power cut can
/// lose the last few); the busy timeout lets a second process on the same file wait instead of failing.
/// </remarks>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
