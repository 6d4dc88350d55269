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
        var values = await db.Database
            .SqlQuery<long>($"""INSERT INTO "Sequences" ("Name", "Value") VALUES ({name}, 1) ON CONFLICT ("Name") DO UPDATE SET "Value" = "Sequences"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}

/// <summary>One named counter.</summary>
public sealed class SequenceRow
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
