using System.Text.Json.Nodes;
using Approval.Engine.Audit;
using Approval.Engine.Documents;
using Approval.Engine.Execution;
using Approval.Engine.Storage;

namespace Approval.Engine.Definitions;

/// <summary>The version life cycle: save draft, publish, retract, roll back, import.</summary>
/// <remarks>
/// Drafts may be invalid (an analyst saves half-done work); publishing refuses an invalid draft with its errors.
/// A version that was ever published is never edited again: saving over it makes the next version. Every change is
/// audited with its actor and the versions before and after (their headers and the SHA-256 of their JSON), in the
/// transaction that makes it.
/// </remarks>
public sealed class WorkflowDefinitionService(IDefinitionStore store, DefinitionValidator validator, TimeProvider clock)
{
    /// <summary>Parses and validates definition text without storing anything.</summary>
    public IReadOnlyList<DefinitionError> Validate(string json)
    {
        try
        {
            return validator.Validate(DefinitionJson.Read(json));
        }
        catch (DefinitionFormatException ex)
        {
            return ex.Errors;
        }
    }

    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition) => validator.Validate(definition);

    /// <summary>Creates a new definition as draft version 1.</summary>
    /// <exception cref="WorkflowConflictException">A definition with that id exists.</exception>
    public async Task<DefinitionVersion> CreateAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        if (await store.FindLatestAsync(definition.DefinitionId, cancellationToken) is not null)
        {
            throw new WorkflowConflictException($"Definition '{definition.DefinitionId}' already exists; save a draft of it instead.");
        }

        var version = NewVersion(definition, 1, actor);
        await SaveAsync([version], [], Record(AuditActions.DefinitionCreate, version, actor, null, Header(version)), cancellationToken);
        return version;
    }

    /// <summary>Saves the draft: updates the latest version if it was never published, else adds the next version.</summary>
    public Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken) =>
        SaveDraftAsync(definition, actor, AuditActions.DefinitionSaveDraft, null, cancellationToken);

    private async Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string actor, string action, int? copiedFrom, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(definition.DefinitionId, cancellationToken);
        if (latest is null)
        {
            var first = NewVersion(definition, 1, actor);
            await SaveAsync([first], [], Record(action, first, actor, null, Header(first, copiedFrom)), cancellationToken);
            return first;
        }

        var before = Header(latest);
        if (!latest.WasPublished)
        {
            var now = clock.GetUtcNow();
            latest.Json = DefinitionJson.WriteString(definition.WithVersion(latest.Version));
            latest.Name = definition.Name;
            latest.Description = definition.Description;
            latest.UpdatedAt = now;
            await SaveAsync([], [latest], Record(action, latest, actor, before, Header(latest, copiedFrom)), cancellationToken);
            return latest;
        }

        var next = NewVersion(definition, latest.Version + 1, actor);
        latest.IsLatest = false;
        await SaveAsync([next], [latest], Record(action, next, actor, before, Header(next, copiedFrom)), cancellationToken);
        return next;
    }

    /// <summary>Publishes the latest version; the previously published one is retracted.</summary>
    /// <exception cref="InvalidDefinitionException">The latest version breaks a rule.</exception>
    public async Task<DefinitionVersion> PublishAsync(string definitionId, string actor, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(definitionId, cancellationToken) ?? throw new WorkflowNotFoundException($"Definition '{definitionId}' does not exist.");
        if (latest.IsPublished)
        {
            throw new WorkflowConflictException($"Version {latest.Version} of '{definitionId}' is already published; save a draft to make a new version.");
        }

        var errors = validator.Validate(DefinitionJson.Read(latest.Json));
        if (errors.Count > 0)
        {
            throw new InvalidDefinitionException(errors);
        }

        var updated = new List<DefinitionVersion>();
        var before = Header(latest);
        if (await store.FindPublishedAsync(definitionId, cancellationToken) is { } previous)
        {
            if (previous.Id == latest.Id)
            {
                // Another publish of this very version committed between our two reads.
                throw new WorkflowConflictException($"Version {latest.Version} of '{definitionId}' was just published by someone else.");
            }

            before["publishedVersion"] = previous.Version;
            previous.IsPublished = false;
            updated.Add(previous);
        }

        var now = clock.GetUtcNow();
        latest.IsPublished = true;
        latest.WasPublished = true;
        latest.PublishedAt = now;
        latest.UpdatedAt = now;
        updated.Add(latest);
        var after = Header(latest);
        after["publishedVersion"] = latest.Version;
        await SaveAsync([], updated, Record(AuditActions.DefinitionPublish, latest, actor, before, after), cancellationToken);
        return latest;
    }

    /// <summary>Takes the published version out of service; running instances finish on it.</summary>
    public async Task<DefinitionVersion> RetractAsync(string definitionId, string actor, CancellationToken cancellationToken)
    {
        var published = await store.FindPublishedAsync(definitionId, cancellationToken);
        if (published is null)
        {
            throw await store.FindLatestAsync(definitionId, cancellationToken) is null
                ? new WorkflowNotFoundException($"Definition '{definitionId}' does not exist.")
                : new WorkflowConflictException($"Definition '{definitionId}' has no published version to retract.");
        }

        var before = Header(published);
        published.IsPublished = false;
        published.UpdatedAt = clock.GetUtcNow();
        await SaveAsync([], [published], Record(AuditActions.DefinitionRetract, published, actor, before, Header(published)), cancellationToken);
        return published;
    }

    /// <summary>Copies an old version into the draft: the unpublished latest version is overwritten, else a new version is added.</summary>
    public async Task<DefinitionVersion> RollbackAsync(string definitionId, int version, string actor, CancellationToken cancellationToken)
    {
        var source = await store.FindVersionAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Definition '{definitionId}' has no version {version}.");
        return await SaveDraftAsync(DefinitionJson.Read(source.Json), actor, AuditActions.DefinitionRollback, version, cancellationToken);
    }

    /// <summary>What the audit trail keeps of a version: enough to tell which text was in force, without copying the text.</summary>
    private static JsonObject Header(DefinitionVersion version, int? copiedFrom = null)
    {
        var header = new JsonObject
        {
            ["version"] = version.Version,
            ["name"] = version.Name,
            ["published"] = version.IsPublished,
            ["latest"] = version.IsLatest,
            ["sha256"] = InstanceDocument.HashOf(version.Json),
        };
        if (copiedFrom is { } source)
        {
            header["copiedFromVersion"] = source;
        }

        return header;
    }

    private static AuditRecord Record(string action, DefinitionVersion subject, string actor, JsonObject? before, JsonObject? after) =>
        new(action, $"definition:{subject.DefinitionId}@{subject.Version}", actor, before, after);

    private DefinitionVersion NewVersion(WorkflowDefinition definition, int number, string actor)
    {
        var now = clock.GetUtcNow();
        return new DefinitionVersion
        {
            Id = DefinitionVersion.MakeId(definition.DefinitionId, number),
            DefinitionId = definition.DefinitionId,
            Version = number,
            Name = definition.Name,
            Description = definition.Description,
            IsLatest = true,
            Json = DefinitionJson.WriteString(definition.WithVersion(number)),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor,
        };
    }

    private async Task SaveAsync(IReadOnlyList<DefinitionVersion> added, IReadOnlyList<DefinitionVersion> updated, AuditRecord audit, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(added, updated, audit, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateKeyException)
        {
            throw new WorkflowConflictException("Someone else changed this definition at the same moment; reload it and try again.");
        }
    }
}
