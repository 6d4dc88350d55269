using System.Text.Json.Nodes;

namespace Approval.Engine.Instances;

/// <summary>One run of one definition version.</summary>
/// <remarks>
/// <see cref="Revision"/> is the optimistic-concurrency token: every commit checks it and bumps it, so two hosts that
/// resume the same instance at once cannot both write. An instance is pinned to <see cref="DefinitionVersionId"/> for life.
/// </remarks>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public int Version { get; set; }

    public WorkflowStatus Status { get; set; }

    public string? CorrelationId { get; set; }

    public Guid? ParentInstanceId { get; set; }

    /// <summary>The parent's bookmark this instance completes, when it runs as a child.</summary>
    public Guid? ParentBookmarkId { get; set; }

    public JsonObject Input { get; set; } = [];

    public JsonObject Variables { get; set; } = [];

    public InstanceState State { get; set; } = new();

    public Incident? Incident { get; set; }

    /// <summary>The sequence number the next journal entry takes; journal rows are unique on (instance, sequence).</summary>
    public int NextJournalSequence { get; set; }

    /// <summary>The hash of the instance's last journal line: the next commit chains on from it without reading the journal.</summary>
    public string? JournalHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long Revision { get; set; }

    public bool IsFinished => Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled;

    /// <summary>A copy to run a burst on, so a burst that fails to commit leaves the loaded instance untouched.</summary>
    public WorkflowInstance Clone() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersionId = DefinitionVersionId,
        Version = Version,
        Status = Status,
        CorrelationId = CorrelationId,
        ParentInstanceId = ParentInstanceId,
        ParentBookmarkId = ParentBookmarkId,
        Input = (JsonObject)Input.DeepClone(),
        Variables = (JsonObject)Variables.DeepClone(),
        State = State.Clone(),
        Incident = Incident,
        NextJournalSequence = NextJournalSequence,
        JournalHash = JournalHash,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FinishedAt = FinishedAt,
        Revision = Revision,
    };
}
