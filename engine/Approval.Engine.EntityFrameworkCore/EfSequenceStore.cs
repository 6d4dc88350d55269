using Approval.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Counters as rows, advanced by one upsert that returns the new value, so two hosts never get the same number.</summary>
public sealed class EfSequenceStore(EngineDbContextFactory contexts, SqliteWriteGate gate) : ISequenceStore
{
    public async Task<long> NextAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = contexts.Create();

        // A plain command on the context's connection: every application numbers its case here, and EF's query
        // pipeline (parsing the raw SQL into a query, caching it, shaping the result) is most of the cost of one upsert.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """INSERT INTO "Sequences" ("Name", "Value") VALUES (@name, 1) ON CONFLICT ("Name") DO UPDATE SET "Value" = "Sequences"."Value" + 1 RETURNING "Value" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One named counter.</summary>
public sealed class SequenceRow
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
