using System.Data.Common;
using System.Reflection;
using System.Text;
using Approval.Engine.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approval.Bench;

/// <summary>Inserts rows of one engine table in multi-row INSERT statements, using EF Core's own column mapping and converters.</summary>
/// <remarks>
/// Values go through each column's EF Core type mapping (value converter and parameter set-up), so a bulk-inserted row is
/// stored exactly as the engine's SaveChanges would store it (UTC instants, enum names, JSON text or jsonb), only
/// without change tracking and a statement per row. Values are converted when a row is added, so the caller may reuse
/// the object for the next row.
/// </remarks>
public sealed class BulkTable<T> : IAsyncDisposable
    where T : class
{
    // Microsoft.Data.Sqlite binds each parameter by looking its name up among the statement's, so a statement's cost grows
    // with the square of its parameter count: there a few rows per statement are fastest. PostgreSQL takes big ones.
    private const int MaxSqliteParameters = 200;
    private const int MaxPostgresParameters = 30_000;
    private const int MaxRowsPerStatement = 500;

    private readonly DbConnection _connection;
    private readonly string _table;
    private readonly (string Name, PropertyInfo Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly int _rowsPerStatement;
    private readonly object?[] _values;
    private int _pending;
    private DbCommand? _full;

    public BulkTable(EngineDbContext db)
    {
        _connection = db.Database.GetDbConnection();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an engine entity.");
        var table = entity.GetTableMappings().Single();
        _table = table.Table.Name;
        _columns = [.. table.ColumnMappings.Select(c => (
            c.Column.Name,
            c.Property.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{c.Property.Name} is a shadow property."),
            c.TypeMapping))];
        var maxParameters = db.Database.IsNpgsql() ? MaxPostgresParameters : MaxSqliteParameters;
        _rowsPerStatement = Math.Clamp(maxParameters / _columns.Length, 1, MaxRowsPerStatement);
        _values = new object?[_rowsPerStatement * _columns.Length];
    }

    public long Rows { get; private set; }

    public DbTransaction? Transaction { get; set; }

    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        var offset = _pending * _columns.Length;
        for (var c = 0; c < _columns.Length; c++)
        {
            var (_, property, mapping) = _columns[c];
            var value = property.GetValue(row);
            _values[offset + c] = value is null ? DBNull.Value : mapping.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
        }

        Rows++;
        if (++_pending == _rowsPerStatement)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the rows added since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending == 0)
        {
            return;
        }

        var command = _pending == _rowsPerStatement ? _full ??= CreateCommand(_rowsPerStatement) : CreateCommand(_pending);
        try
        {
            for (var i = 0; i < _pending * _columns.Length; i++)
            {
                command.Parameters[i].Value = _values[i];
            }

            command.Transaction = Transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (command != _full)
            {
                await command.DisposeAsync();
            }
        }

        _pending = 0;
    }

    private DbCommand CreateCommand(int rows)
    {
        var command = _connection.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO \"{_table}\" (");
        sql.AppendJoin(", ", _columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = $"@p{(r * _columns.Length) + c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
    }
}
