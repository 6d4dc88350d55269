using System.Data.Common;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Commands kept prepared on one long-lived connection, by SQL text, so each statement shape is compiled once.</summary>
/// <remarks>
/// A commit uses a handful of statement shapes (a multi-row insert per row count, an update, a delete), and SQLite
/// spends more time compiling them than running them; so does a read by key. The group-commit writer and each of
/// <see cref="KeyLookups"/>' kept connections own one: their connection is used by one task at a time, so the commands
/// are never shared between threads.
/// </remarks>
internal sealed class PreparedCommands : IDisposable
{
    private const int Limit = 500;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public (DbCommand Command, bool Created) Get(DbConnection connection, string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            return (command, false);
        }

        if (_commands.Count >= Limit)
        {
            Dispose();
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        _commands[sql] = command;
        return (command, true);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
