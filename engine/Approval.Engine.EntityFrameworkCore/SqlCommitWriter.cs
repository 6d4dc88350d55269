using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Approval.Engine.Bookmarks;
using Approval.Engine.Clocks;
using Approval.Engine.Documents;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Scheduling;
using Approval.Engine.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Writes a burst's commit with plain SQL on the context's connection, in as few statements as the commit needs.</summary>
/// <remarks>
/// Commits are the engine's hot path: every start and every resume is one. EF Core's change tracker spends more time
/// per commit than the database does, so this writes the same rows, in the same column formats EF reads back
/// (on SQLite: upper-case GUID text and <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> UTC text), with multi-row inserts.
/// Reads stay on EF Core. The tables and columns are those of <see cref="EngineDbContext"/>'s migrations.
/// </remarks>
internal sealed class SqlCommitWriter(DatabaseProvider provider, DbConnection? connection = null, DbTransaction? transaction = null, PreparedCommands? prepared = null)
{
    private const int RowsPerInsert = 200;

    /// <summary>The SQLSTATE <c>approval_expect_rows</c> raises when a guarded statement touched the wrong number of rows.</summary>
    private const string GuardFailedState = "AP409";

    internal static readonly string[] InstanceColumns =
    [
        "Id", "DefinitionId", "DefinitionVersionId", "Version", "Status", "CorrelationId", "ParentInstanceId", "ParentBookmarkId",
        "Input", "Variables", "State", "Incident", "NextJournalSequence", "CreatedAt", "UpdatedAt", "FinishedAt", "Revision", "JournalHash",
    ];

    /// <summary>The instance columns a commit can change; the rest (definition, correlation, parent, input, creation)
    /// are fixed when the instance starts. Leaving them out of the update spares SQLite the rewrite of their indexes.</summary>
    private static readonly int[] MutableInstanceColumns =
        [.. new[] { "Status", "Variables", "State", "Incident", "NextJournalSequence", "UpdatedAt", "FinishedAt", "Revision", "JournalHash" }.Select(c => Array.IndexOf(InstanceColumns, c))];

    private static readonly string InstanceUpdate =
        $"UPDATE \"WorkflowInstances\" SET {string.Join(", ", MutableInstanceColumns.Select(i => $"\"{InstanceColumns[i]}\" = @c{i}"))} WHERE \"Id\" = @id AND \"Revision\" = @expected";

    internal static readonly string[] BookmarkColumns = ["Id", "InstanceId", "ActivityId", "Kind", "SignalName", "CorrelationId", "ResumeAt", "Payload", "CreatedAt"];

    internal static readonly string[] WorkItemColumns =
    [
        "Id", "InstanceId", "BookmarkId", "ActivityId", "Title", "Assignee", "CandidateRoles", "Department", "DueAt", "Outcomes",
        "Status", "Outcome", "CompletedBy", "Comment", "Data", "CorrelationId", "CreatedAt", "CompletedAt", "LimitWorkingDays", "DelegatedBy", "ActivityType",
    ];

    private static readonly string[] NotificationColumns =
    [
        "Id", "Recipient", "Kind", "Title", "Body", "InstanceId", "CorrelationId", "Level", "CreatedAt", "ReadAt", "ReadBy",
    ];

    private static readonly string[] JournalColumns = ["InstanceId", "FirstSequence", "LastSequence", "Lines"];

    private static readonly string[] DocumentColumns =
    [
        "Id", "InstanceId", "Kind", "Title", "Number", "ContentType", "Content", "Sha256", "TemplateKey", "TemplateVersion", "ActivityId", "CreatedAt", "CreatedBy", "Sequence",
    ];

    private static readonly string[] ClockColumns =
    [
        "InstanceId", "Name", "DefinitionId", "CorrelationId", "Subject", "Department", "Status", "AcceptedOn", "CommittedDueDate",
        "StatutoryDueDate", "Level", "YellowAt", "RedAt", "CriticalAt", "EscalatedLevel", "Sequence", "StartedAt", "StoppedAt", "UpdatedAt",
        "StoppedOn", "WorkingDaysUsed",
    ];

    /// <summary>The clock row's upsert: every column but the keys and <c>EscalatedLevel</c>, which only the escalator writes.</summary>
    private static readonly string ClockUpsert = BuildClockUpsert();

    private static readonly string[] SummaryColumns =
    [
        "InstanceId", "DefinitionId", "Subject", "SubjectName", "Department", "StartedBy", "Category", "Stage", "Returned", "StartedAt", "FinishedAt",
        "ClockRunning", "DueDate", "ClosedOn", "WorkingDaysUsed",
    ];

    /// <summary>The summary's upsert; <c>Returned</c> only ever turns on, so a case once sent back counts as a return for good.</summary>
    private static readonly string SummaryUpsert = BuildSummaryUpsert();

    private static readonly string[] OutboxColumns = ["Id", "Kind", "Payload", "CreatedAt", "AvailableAt", "ProcessedAt", "Attempts", "LastError"];

    public Task WriteAsync(WorkflowCommit commit, CancellationToken cancellationToken) => WriteAsync(Plan(commit), cancellationToken);

    /// <summary>Turns a commit into its statements; done by the caller, outside SQLite's single-writer section, so
    /// serialising state and building SQL run in parallel across callers.</summary>
    public CommitPlan Plan(WorkflowCommit commit)
    {
        var steps = new List<Step>();

        // The instance row first: every commit of an instance writes it, so on PostgreSQL two commits racing on one
        // instance queue on that row before either touches another, and the later one fails its revision guard (and is
        // retried) instead of the two locking each other's bookmarks in opposite orders: a supplement and its deadline
        // each delete their own bookmark and then the other's, which deadlocked.
        AddInstance(commit, steps);
        if (commit.PublishedVersionId is { } versionId)
        {
            steps.Add(new Step(
                "SELECT count(*) FROM \"DefinitionVersions\" WHERE \"Id\" = @version AND \"IsPublished\"",
                [("version", versionId)],
                1,
                () => new PublishedVersionChangedException(versionId)) { Counts = true });
        }

        if (commit.BurnedBookmarkIds.Count > 0)
        {
            var sql = WhereIn("DELETE FROM \"Bookmarks\" WHERE \"Id\"", commit.BurnedBookmarkIds, out var parameters);
            steps.Add(new Step(sql, parameters, commit.BurnedBookmarkIds.Count, () => new BookmarkGoneException(commit.BurnedBookmarkIds[0])));
        }

        if (commit.RemovedBookmarkIds.Count > 0)
        {
            steps.Add(new Step(WhereIn("DELETE FROM \"Bookmarks\" WHERE \"Id\"", commit.RemovedBookmarkIds, out var parameters), parameters));
        }

        foreach (var completion in commit.CompletedWorkItems)
        {
            steps.Add(new Step(
                """UPDATE "WorkItems" SET "Status" = @status, "Outcome" = @outcome, "CompletedBy" = @by, "Comment" = @comment, "Data" = @data, "CompletedAt" = @at WHERE "BookmarkId" = @bookmark AND "Status" = @open""",
                [
                    ("status", nameof(WorkItemStatus.Completed)), ("outcome", completion.Outcome), ("by", completion.CompletedBy),
                    ("comment", completion.Comment), ("data", Json(completion.Data)), ("at", Instant(completion.At)),
                    ("bookmark", Id(completion.BookmarkId)), ("open", nameof(WorkItemStatus.Open)),
                ],
                1,
                () => new BookmarkGoneException(completion.BookmarkId)));
        }

        foreach (var routing in commit.ReroutedWorkItems)
        {
            steps.Add(new Step(
                """UPDATE "WorkItems" SET "Assignee" = @assignee, "CandidateRoles" = @roles, "Department" = @department, "DelegatedBy" = @delegatedBy WHERE "BookmarkId" = @bookmark AND "Status" = @open""",
                [
                    ("assignee", routing.Assignee), ("roles", Json(routing.CandidateRoles.ToList())), ("department", routing.Department), ("delegatedBy", routing.DelegatedBy),
                    ("bookmark", Id(routing.BookmarkId)), ("open", nameof(WorkItemStatus.Open)),
                ],
                1,
                () => new BookmarkGoneException(routing.BookmarkId)));
        }

        if (commit.CancelledWorkItemBookmarkIds.Count > 0)
        {
            var sql = WhereIn("UPDATE \"WorkItems\" SET \"Status\" = @cancelled WHERE \"BookmarkId\"", commit.CancelledWorkItemBookmarkIds, out var parameters) + " AND \"Status\" = @open";
            parameters.Add(("cancelled", nameof(WorkItemStatus.Cancelled)));
            parameters.Add(("open", nameof(WorkItemStatus.Open)));
            steps.Add(new Step(sql, parameters));
        }

        AddInserts("Bookmarks", BookmarkColumns, commit.AddedBookmarks, BookmarkRow, steps);
        AddInserts("WorkItems", WorkItemColumns, commit.AddedWorkItems, WorkItemRow, steps);
        AddInserts("JournalSegments", JournalColumns, [.. JournalSegments.Of(commit.Journal)], JournalRow, steps);
        AddInserts("OutboxMessages", OutboxColumns, commit.Outbox, OutboxRow, steps);
        AddInserts("Documents", DocumentColumns, commit.Documents, DocumentRow, steps);
        AddInserts("Notifications", NotificationColumns, commit.Notifications, NotificationRow, steps);
        foreach (var clock in commit.Clocks)
        {
            var values = ClockRow(clock);
            steps.Add(new Step(ClockUpsert, [.. ClockColumns.Select((c, i) => ($"c{i}", values[i]))]));
        }

        if (commit.Summary is { } summary)
        {
            var values = SummaryRow(summary);
            steps.Add(new Step(SummaryUpsert, [.. SummaryColumns.Select((c, i) => ($"s{i}", values[i]))]));
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            GuardOnServer(steps);
        }

        return new CommitPlan(commit, steps);
    }

    /// <summary>The step a guard failure names. The driver does not say which batch command failed when the error comes
    /// while a statement's rows are read, so the guard puts the step in its message ("... step N ...").</summary>
    private static int? FailedStep(PostgresException exception)
    {
        var match = System.Text.RegularExpressions.Regex.Match(exception.MessageText, @"\bstep (\d+)\b");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Makes each guarded statement check its own row count on PostgreSQL (see the CommitAssertions migration),
    /// so the whole commit can run as one batch in an implicit transaction: one round trip, and no separate COMMIT.</summary>
    private static void GuardOnServer(List<Step> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].ExpectedRows >= 0)
            {
                steps[i] = steps[i] with
                {
                    Sql = steps[i].Counts
                        ? $"SELECT approval_expect_rows(({steps[i].Sql}), @expected_rows, @step)"
                        : $"WITH affected AS ({steps[i].Sql} RETURNING 1) SELECT approval_expect_rows(count(*), @expected_rows, @step) FROM affected",
                    Parameters = [.. steps[i].Parameters, ("expected_rows", steps[i].ExpectedRows), ("step", i)],
                    GuardedOnServer = true,
                };
            }
        }
    }

    public async Task WriteAsync(CommitPlan plan, CancellationToken cancellationToken)
    {
        var commit = plan.Commit;
        try
        {
            await ExecuteAsync(plan.Steps, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            commit.Instance.Revision = commit.ExpectedRevision;
            throw;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            // PostgreSQL rolled the whole batch back to break a lock cycle with another transaction: nothing of it was
            // kept, so reading again and retrying is safe. Commits of one instance cannot form such a cycle (see Plan).
            commit.Instance.Revision = commit.ExpectedRevision;
            throw new ConcurrencyConflictException($"Instance {commit.Instance.Id}: the commit was chosen to break a deadlock.", ex);
        }
        catch (DbException ex) when (!commit.IsNew && DatabaseErrors.IsUniqueViolation(ex))
        {
            // A batch runs on after a statement touched no rows; a journal segment taken by a concurrent commit
            // is then the first thing to fail. Either way another commit won: reload and try again.
            commit.Instance.Revision = commit.ExpectedRevision;
            throw new ConcurrencyConflictException($"Instance {commit.Instance.Id} was changed by a concurrent commit.", ex);
        }
    }

    private void AddInstance(WorkflowCommit commit, List<Step> steps)
    {
        var instance = commit.Instance;
        if (commit.IsNew)
        {
            instance.Revision = 1;
            AddInserts("WorkflowInstances", InstanceColumns, [instance], InstanceRow, steps);
            return;
        }

        instance.Revision = commit.ExpectedRevision + 1;
        var values = InstanceRow(instance);
        var parameters = new List<(string, object?)>(MutableInstanceColumns.Length + 2);
        foreach (var i in MutableInstanceColumns)
        {
            parameters.Add(($"c{i}", values[i]));
        }

        parameters.Add(("id", values[0]));
        parameters.Add(("expected", commit.ExpectedRevision));
        steps.Add(new Step(
            InstanceUpdate,
            parameters,
            1,
            () => new ConcurrencyConflictException($"Instance {instance.Id} changed since revision {commit.ExpectedRevision}.")));
    }

    /// <summary>Runs the steps in order: on PostgreSQL as one batch (one round trip, one implicit transaction unless the
    /// caller gave one), on SQLite one by one inside the caller's transaction.</summary>
    private async Task ExecuteAsync(List<Step> steps, CancellationToken cancellationToken)
    {
        if (connection is null || (transaction is null && provider != DatabaseProvider.PostgreSql))
        {
            throw new InvalidOperationException("This writer only plans commits; give it a connection (and, on SQLite, a transaction) to write them.");
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var step in steps)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = step.Sql;
                foreach (var (name, value) in step.Parameters)
                {
                    command.Parameters.Add(CreateParameter(name, value, () => command.CreateParameter()));
                }

                batch.BatchCommands.Add(command);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == GuardFailedState && FailedStep(ex) is { } failed && failed < steps.Count)
            {
                // The batch was one transaction and is rolled back whole; say what the failing guard stood for.
                throw steps[failed].Failure!();
            }

            for (var i = 0; i < steps.Count; i++)
            {
                if (!steps[i].GuardedOnServer)
                {
                    steps[i].Check(batch.BatchCommands[i].RecordsAffected);
                }
            }

            return;
        }

        foreach (var step in steps)
        {
            if (prepared is not null)
            {
                var (command, created) = prepared.Get(connection, step.Sql);
                command.Transaction = transaction;
                for (var i = 0; i < step.Parameters.Count; i++)
                {
                    var (name, value) = step.Parameters[i];
                    if (created)
                    {
                        command.Parameters.Add(CreateParameter(name, value, command.CreateParameter));
                    }
                    else
                    {
                        command.Parameters[i].Value = SqliteValue(value);
                    }
                }

                step.Check(await RunAsync(command, step, cancellationToken));
                continue;
            }

            await using var single = connection.CreateCommand();
            single.Transaction = transaction;
            single.CommandText = step.Sql;
            foreach (var (name, value) in step.Parameters)
            {
                single.Parameters.Add(CreateParameter(name, value, single.CreateParameter));
            }

            step.Check(await RunAsync(single, step, cancellationToken));
        }
    }

    /// <summary>Runs one step on SQLite: the rows it changed, or for a counting step the count it selected.</summary>
    private static async Task<int> RunAsync(DbCommand command, Step step, CancellationToken cancellationToken) =>
        step.Counts
            ? Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)
            : await command.ExecuteNonQueryAsync(cancellationToken);

    private static void AddInserts<T>(string table, string[] columns, IReadOnlyList<T> items, Func<T, object?[]> row, List<Step> steps)
    {
        for (var offset = 0; offset < items.Count; offset += RowsPerInsert)
        {
            var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (\"").AppendJoin("\", \"", columns).Append("\") VALUES ");
            var parameters = new List<(string, object?)>();
            var count = Math.Min(RowsPerInsert, items.Count - offset);
            for (var r = 0; r < count; r++)
            {
                var values = row(items[offset + r]);
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"r{r}c{c}";
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add((name, values[c]));
                }

                sql.Append(')');
            }

            steps.Add(new Step(sql.ToString(), parameters));
        }
    }

    private string WhereIn(string prefix, IReadOnlyList<Guid> ids, out List<(string, object?)> parameters)
    {
        parameters = [];
        var names = new StringBuilder();
        for (var i = 0; i < ids.Count; i++)
        {
            names.Append(i == 0 ? "@k" : ", @k").Append(i);
            parameters.Add(($"k{i}", Id(ids[i])));
        }

        return $"{prefix} IN ({names})";
    }

    private DbParameter CreateParameter(string name, object? value, Func<DbParameter> create)
    {
        if (provider == DatabaseProvider.PostgreSql && value is JsonText json)
        {
            return new NpgsqlParameter(name, NpgsqlDbType.Json) { Value = (object?)json.Text ?? DBNull.Value };
        }

        var parameter = create();

        // Prefixed as in the SQL: Microsoft.Data.Sqlite looks a bare name up once as written and then once per prefix,
        // each a scan of the statement's parameters, which made a 72-parameter journal insert three times slower.
        parameter.ParameterName = provider == DatabaseProvider.Sqlite ? "@" + name : name;
        parameter.Value = provider == DatabaseProvider.Sqlite ? SqliteValue(value) : value ?? DBNull.Value;
        return parameter;
    }

    private static object SqliteValue(object? value) => value is JsonText json ? (object?)json.Text ?? DBNull.Value : value ?? DBNull.Value;

    private object?[] InstanceRow(WorkflowInstance i) =>
    [
        Id(i.Id), i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status.ToString(), i.CorrelationId, Id(i.ParentInstanceId), Id(i.ParentBookmarkId),
        Json(i.Input), Json(i.Variables), Json(i.State), Json(i.Incident), i.NextJournalSequence,
        Instant(i.CreatedAt), Instant(i.UpdatedAt), Instant(i.FinishedAt), i.Revision, i.JournalHash,
    ];

    private object?[] BookmarkRow(Bookmark b) =>
        [Id(b.Id), Id(b.InstanceId), b.ActivityId, b.Kind, b.SignalName, b.CorrelationId, Instant(b.ResumeAt), Json(b.Payload), Instant(b.CreatedAt)];

    private object?[] WorkItemRow(WorkItem w) =>
    [
        Id(w.Id), Id(w.InstanceId), Id(w.BookmarkId), w.ActivityId, w.Title, w.Assignee, Json(w.CandidateRoles), w.Department, Instant(w.DueAt),
        Json(w.Outcomes), w.Status.ToString(), w.Outcome, w.CompletedBy, w.Comment, Json(w.Data), w.CorrelationId, Instant(w.CreatedAt), Instant(w.CompletedAt), w.LimitWorkingDays, w.DelegatedBy, w.ActivityType,
    ];

    private object?[] NotificationRow(Notification n) =>
    [
        Id(n.Id), n.Recipient, n.Kind, n.Title, n.Body, Id(n.InstanceId), n.CorrelationId, n.Level?.ToString(), Instant(n.CreatedAt), Instant(n.ReadAt), n.ReadBy,
    ];

    private static string BuildClockUpsert()
    {
        var columns = string.Join(", ", ClockColumns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", ClockColumns.Select((_, i) => $"@c{i}"));
        var updates = string.Join(", ", ClockColumns.Where(c => c is not ("InstanceId" or "Name" or "EscalatedLevel")).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        return $"INSERT INTO \"LegalClocks\" ({columns}) VALUES ({values}) ON CONFLICT (\"InstanceId\", \"Name\") DO UPDATE SET {updates}";
    }

    private static string BuildSummaryUpsert()
    {
        var columns = string.Join(", ", SummaryColumns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", SummaryColumns.Select((_, i) => $"@s{i}"));
        var updates = string.Join(", ", SummaryColumns.Where(c => c is not ("InstanceId" or "Returned")).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        return $"INSERT INTO \"InstanceSummaries\" ({columns}) VALUES ({values}) ON CONFLICT (\"InstanceId\") DO UPDATE SET {updates}, "
            + "\"Returned\" = \"InstanceSummaries\".\"Returned\" OR excluded.\"Returned\"";
    }

    private object?[] SummaryRow(Summaries.InstanceSummary s) =>
    [
        Id(s.InstanceId), s.DefinitionId, s.Subject, s.SubjectName, s.Department, s.StartedBy, s.Category, s.Stage, s.Returned, Instant(s.StartedAt), Instant(s.FinishedAt),
        s.ClockRunning, Date(s.DueDate), Date(s.ClosedOn), s.WorkingDaysUsed,
    ];

    private object?[] ClockRow(ClockRecord c) =>
    [
        Id(c.InstanceId), c.Name, c.DefinitionId, c.CorrelationId, c.Subject, c.Department, c.Status.ToString(), Date(c.AcceptedOn), Date(c.CommittedDueDate),
        Date(c.StatutoryDueDate), c.Level.ToString(), Instant(c.YellowAt), Instant(c.RedAt), Instant(c.CriticalAt), (int)c.EscalatedLevel, c.Sequence,
        Instant(c.StartedAt), Instant(c.StoppedAt), Instant(c.UpdatedAt), Date(c.StoppedOn), c.WorkingDaysUsed,
    ];

    /// <summary>A date as the provider stores it: ISO text on SQLite, <c>date</c> on PostgreSQL.</summary>
    private object? Date(DateOnly? date) => date is not { } value
        ? null
        : provider == DatabaseProvider.Sqlite ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;

    private object?[] DocumentRow(InstanceDocument d) =>
    [
        Id(d.Id), Id(d.InstanceId), d.Kind, d.Title, d.Number, d.ContentType, d.Content, d.Sha256, d.TemplateKey, d.TemplateVersion, d.ActivityId, Instant(d.CreatedAt), d.CreatedBy, d.Sequence,
    ];

    private object?[] JournalRow(JournalSegmentRow j) => [Id(j.InstanceId), j.FirstSequence, j.LastSequence, new JsonText(j.Lines)];

    private object?[] OutboxRow(OutboxMessage o) =>
        [Id(o.Id), o.Kind, new JsonText(o.Payload), Instant(o.CreatedAt), Instant(o.AvailableAt), Instant(o.ProcessedAt), o.Attempts, o.LastError];

    private object? Id(Guid? id) => id is not { } value ? null : StoredId(provider, value);

    /// <summary>A GUID as the provider stores it: EF Core's SQLite provider keeps upper-case text.</summary>
    internal static object StoredId(DatabaseProvider provider, Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>An instant as a UTC <see cref="DateTime"/>, in the text form EF Core's SQLite provider writes and reads.</summary>
    private object? Instant(DateTimeOffset? at) => at is not { } value
        ? null
        : provider == DatabaseProvider.Sqlite
            ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : value.UtcDateTime;

    private static JsonText? Json<T>(T? value) => value is null ? null : new JsonText(JsonSerializer.Serialize(value, EngineJson.Options));

    /// <summary>Marks a parameter as a JSON document (json on PostgreSQL).</summary>
    private sealed record JsonText(string? Text);

    /// <summary>A commit's statements, built and ready to run.</summary>
    internal sealed record CommitPlan(WorkflowCommit Commit, List<Step> Steps);

    /// <summary>One statement, and how many rows it must touch (or -1 for any) with the error to raise when it does not.</summary>
    internal sealed record Step(string Sql, List<(string Name, object? Value)> Parameters, int ExpectedRows = -1, Func<Exception>? Failure = null)
    {
        /// <summary>The statement checks its row count itself (PostgreSQL); the count the driver reports is not the guarded one.</summary>
        public bool GuardedOnServer { get; init; }

        /// <summary>The statement changes nothing: it selects a count of rows that must equal <see cref="ExpectedRows"/>.</summary>
        public bool Counts { get; init; }

        public void Check(int rows)
        {
            if (ExpectedRows >= 0 && rows != ExpectedRows)
            {
                throw Failure!();
            }
        }
    }
}
