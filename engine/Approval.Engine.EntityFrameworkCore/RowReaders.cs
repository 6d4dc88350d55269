using System.Data.Common;
using System.Text.Json;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>Turns rows read with plain SQL into the engine's objects, exactly as EF Core's mapping would.</summary>
/// <remarks>
/// Each reader takes the columns in the order of the matching list in <see cref="SqlCommitWriter"/> (the order the
/// writer inserts them in), starting at <c>first</c>, so a joined row can hold two entities side by side. The value
/// conversions are those of <see cref="EngineDbContext"/>: GUIDs and instants in the provider's own form (the
/// driver's <c>GetGuid</c> and <c>GetDateTime</c> read both), enums as their names, documents as JSON text.
/// </remarks>
internal static class RowReaders
{
    public static readonly string InstanceColumns = ColumnList(SqlCommitWriter.InstanceColumns);

    public static readonly string WorkItemColumns = ColumnList(SqlCommitWriter.WorkItemColumns);

    public static readonly string BookmarkColumns = ColumnList(SqlCommitWriter.BookmarkColumns);

    /// <summary>The instance and work item columns of a work item joined with its instance (aliases <c>i</c> and <c>w</c>), instance first.</summary>
    public static readonly string InstanceAndWorkItemColumns =
        $"{ColumnList(SqlCommitWriter.InstanceColumns, "i.")}, {ColumnList(SqlCommitWriter.WorkItemColumns, "w.")}";

    /// <summary>A definition version's columns without its JSON, which lists and look-ups by name do not need.</summary>
    public static readonly string DefinitionHeaderColumns = ColumnList(
        ["Id", "DefinitionId", "Version", "Name", "Description", "IsLatest", "IsPublished", "WasPublished", "CreatedAt", "UpdatedAt", "PublishedAt", "CreatedBy", "Revision"]);

    public static int InstanceWidth => SqlCommitWriter.InstanceColumns.Length;

    public static WorkflowInstance Instance(DbDataReader r, int first = 0) => new()
    {
        Id = r.GetGuid(first),
        DefinitionId = r.GetString(first + 1),
        DefinitionVersionId = r.GetString(first + 2),
        Version = r.GetInt32(first + 3),
        Status = Enum.Parse<WorkflowStatus>(r.GetString(first + 4)),
        CorrelationId = NullableString(r, first + 5),
        ParentInstanceId = NullableGuid(r, first + 6),
        ParentBookmarkId = NullableGuid(r, first + 7),
        Input = Json<System.Text.Json.Nodes.JsonObject>(r, first + 8)!,
        Variables = Json<System.Text.Json.Nodes.JsonObject>(r, first + 9)!,
        State = Json<InstanceState>(r, first + 10)!,
        Incident = Json<Incident>(r, first + 11),
        NextJournalSequence = r.GetInt32(first + 12),
        CreatedAt = Instant(r, first + 13),
        UpdatedAt = Instant(r, first + 14),
        FinishedAt = NullableInstant(r, first + 15),
        Revision = r.GetInt64(first + 16),
        JournalHash = NullableString(r, first + 17),
    };

    public static WorkItem WorkItem(DbDataReader r, int first = 0) => new()
    {
        Id = r.GetGuid(first),
        InstanceId = r.GetGuid(first + 1),
        BookmarkId = r.GetGuid(first + 2),
        ActivityId = r.GetString(first + 3),
        Title = r.GetString(first + 4),
        Assignee = NullableString(r, first + 5),
        CandidateRoles = Json<List<string>>(r, first + 6)!,
        Department = NullableString(r, first + 7),
        DueAt = NullableInstant(r, first + 8),
        Outcomes = Json<List<string>>(r, first + 9)!,
        Status = Enum.Parse<WorkItemStatus>(r.GetString(first + 10)),
        Outcome = NullableString(r, first + 11),
        CompletedBy = NullableString(r, first + 12),
        Comment = NullableString(r, first + 13),
        Data = Json<System.Text.Json.Nodes.JsonObject>(r, first + 14),
        CorrelationId = NullableString(r, first + 15),
        CreatedAt = Instant(r, first + 16),
        CompletedAt = NullableInstant(r, first + 17),
        LimitWorkingDays = r.IsDBNull(first + 18) ? null : r.GetInt32(first + 18),
        DelegatedBy = NullableString(r, first + 19),
        ActivityType = NullableString(r, first + 20),
    };

    public static Bookmark Bookmark(DbDataReader r, int first = 0) => new()
    {
        Id = r.GetGuid(first),
        InstanceId = r.GetGuid(first + 1),
        ActivityId = r.GetString(first + 2),
        Kind = r.GetString(first + 3),
        SignalName = NullableString(r, first + 4),
        CorrelationId = NullableString(r, first + 5),
        ResumeAt = NullableInstant(r, first + 6),
        Payload = Json<System.Text.Json.Nodes.JsonObject>(r, first + 7),
        CreatedAt = Instant(r, first + 8),
    };

    public static DefinitionVersion DefinitionHeader(DbDataReader r, int first = 0) => new()
    {
        Id = r.GetString(first),
        DefinitionId = r.GetString(first + 1),
        Version = r.GetInt32(first + 2),
        Name = r.GetString(first + 3),
        Description = NullableString(r, first + 4),
        IsLatest = r.GetBoolean(first + 5),
        IsPublished = r.GetBoolean(first + 6),
        WasPublished = r.GetBoolean(first + 7),
        Json = "",
        CreatedAt = Instant(r, first + 8),
        UpdatedAt = Instant(r, first + 9),
        PublishedAt = NullableInstant(r, first + 10),
        CreatedBy = NullableString(r, first + 11),
        Revision = r.GetInt64(first + 12),
    };

    private static string ColumnList(IEnumerable<string> columns, string prefix = "") => string.Join(", ", columns.Select(c => $"{prefix}\"{c}\""));

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static Guid? NullableGuid(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);

    /// <summary>Stored as UTC; the SQLite driver hands the text back without a kind, hence the kind set here (as EF's converter does).</summary>
    private static DateTimeOffset Instant(DbDataReader r, int i) => new(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static DateTimeOffset? NullableInstant(DbDataReader r, int i) => r.IsDBNull(i) ? null : Instant(r, i);

    private static T? Json<T>(DbDataReader r, int i)
        where T : class => r.IsDBNull(i) ? null : JsonSerializer.Deserialize<T>(r.GetString(i), EngineJson.Options);
}
