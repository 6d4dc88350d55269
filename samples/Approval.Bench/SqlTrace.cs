using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Bench;

/// <summary>Counts the engine's database work: EF Core's commands and transactions (diagnostic events) and, on PostgreSQL, every round trip Npgsql makes.</summary>
/// <remarks>
/// The engine reads through EF Core but writes its commits with plain ADO.NET on EF Core's connection, which EF Core's
/// events do not see; Npgsql's own <see cref="ActivitySource"/> sees both (one activity per command or batch, i.e. one
/// round trip). SQLite's driver has no such source, so there only EF Core's share is counted. EF Core commands are
/// grouped by the statements they carry, e.g. <c>SELECT WorkItems</c>. Only on with <c>--trace</c>: listening makes
/// EF Core and Npgsql build an object per command.
/// </remarks>
public sealed partial class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string CommandExecuted = RelationalEventId.CommandExecuted.Name!;
    private static readonly string TransactionCommitted = RelationalEventId.TransactionCommitted.Name!;
    private static readonly string ConnectionOpened = RelationalEventId.ConnectionOpened.Name!;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _allListeners;
    private readonly ActivityListener _npgsql;
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _npgsqlOperations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _shapes = new(StringComparer.Ordinal);
    private long _commands;
    private long _commandTicks;
    private long _transactions;
    private long _connections;

    public SqlTrace()
    {
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
        _npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _npgsqlOperations.AddOrUpdate(
                (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string text ? Shape(text) : activity.DisplayName,
                _ => (1, activity.Duration.Ticks),
                (_, s) => (s.Count + 1, s.Ticks + activity.Duration.Ticks)),
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    /// <summary>Npgsql's activities (round trips) by the statements they carry, with count and total time.</summary>
    public IEnumerable<(string Operation, long Count, TimeSpan Time)> NpgsqlOperations =>
        _npgsqlOperations.Select(s => (s.Key, s.Value.Count, TimeSpan.FromTicks(s.Value.Ticks))).OrderByDescending(s => s.Count);

    public long Commands => Interlocked.Read(ref _commands);

    public long Transactions => Interlocked.Read(ref _transactions);

    public long ConnectionsOpened => Interlocked.Read(ref _connections);

    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks));

    /// <summary>Command shapes with their count and total time, most frequent first.</summary>
    public IEnumerable<(string Shape, long Count, TimeSpan Time)> Shapes =>
        _shapes.Select(s => (s.Key, s.Value.Count, TimeSpan.FromTicks(s.Value.Ticks))).OrderByDescending(s => s.Count);

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _commandTicks, 0);
        Interlocked.Exchange(ref _transactions, 0);
        Interlocked.Exchange(ref _connections, 0);
        _shapes.Clear();
        _npgsqlOperations.Clear();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuted || name == TransactionCommitted || name == ConnectionOpened));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _commandTicks, executed.Duration.Ticks);
            _shapes.AddOrUpdate(Shape(executed.Command.CommandText), _ => (1, executed.Duration.Ticks), (_, s) => (s.Count + 1, s.Ticks + executed.Duration.Ticks));
        }
        else if (value.Key == TransactionCommitted)
        {
            Interlocked.Increment(ref _transactions);
        }
        else if (value.Key == ConnectionOpened)
        {
            Interlocked.Increment(ref _connections);
        }
    }

    /// <summary>The statements a command carries, e.g. <c>SELECT</c> or <c>UPDATE+INSERTx8</c>, with the first table named.</summary>
    private static string Shape(string sql)
    {
        var verbs = StatementStart().Matches(sql).Select(m => m.Groups[1].Value.ToUpperInvariant()).ToList();
        var table = TableName().Match(sql) is { Success: true } m ? m.Groups[1].Value : "?";
        var grouped = new List<string>();
        for (var i = 0; i < verbs.Count;)
        {
            var j = i;
            while (j < verbs.Count && verbs[j] == verbs[i])
            {
                j++;
            }

            grouped.Add(j - i > 1 ? $"{verbs[i]}x{j - i}" : verbs[i]);
            i = j;
        }

        return Environment.GetEnvironmentVariable("BENCH_SQL_TEXT") == "1" ? sql.ReplaceLineEndings(" ") : $"{string.Join('+', grouped)} {table}";
    }

    [GeneratedRegex(@"(?:^|;)\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"(?:FROM|INTO|UPDATE)\s+""(\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _npgsql.Dispose();
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
