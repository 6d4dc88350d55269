using Approval.Engine.Execution;
using Approval.Engine.Storage;

namespace Approval.Engine.Definitions;

/// <summary>The version life cycle: save draft, publish, retract, roll back, import.</summary>
/// <remarks>
/// Drafts may be invalid (an analyst saves half-done work); publishing refuses an invalid draft with its errors.
/// A version that was ever published is never edited again: saving over it makes the next version.
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
        await SaveAsync([version], [], cancellationToken);
        return version;
    }

    /// <summary>Saves the draft: updates the latest version if it was never published, else adds the next version.</summary>
    public async Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(definition.DefinitionId, cancellationToken);
        if (latest is null)
        {
            var first = NewVersion(definition, 1, actor);
            await SaveAsync([first], [], cancellationToken);
            return first;
        }

        if (!latest.WasPublished)
        {
            var now = clock.GetUtcNow();
            latest.Json = DefinitionJson.WriteString(definition.WithVersion(latest.Version));
            latest.Name = definition.Name;
            latest.Description = definition.Description;
            latest.UpdatedAt = now;
            await SaveAsync([], [latest], cancellationToken);
            return latest;
        }

        var next = NewVersion(definition, latest.Version + 1, actor);
        latest.IsLatest = false;
        await SaveAsync([next], [latest], cancellationToken);
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
        if (await store.FindPublishedAsync(definitionId, cancellationToken) is { } previous)
        {
            if (previous.Id == latest.Id)
            {
                // Another publish of this very version committed between our two reads.
                throw new WorkflowConflictException($"Version {latest.Version} of '{definitionId}' was just published by someone else.");
            }

            previous.IsPublished = false;
            updated.Add(previous);
        }

        var now = clock.GetUtcNow();
        latest.IsPublished = true;
        latest.WasPublished = true;
        latest.PublishedAt = now;
        latest.UpdatedAt = now;
        updated.Add(latest);
        await SaveAsync([], updated, cancellationToken);
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

        published.IsPublished = false;
        published.UpdatedAt = clock.GetUtcNow();
        await SaveAsync([], [published], cancellationToken);
        return published;
    }

    /// <summary>Copies an old version into the draft: the unpublished latest version is overwritten, else a new version is added.</summary>
    public async Task<DefinitionVersion> RollbackAsync(string definitionId, int version, string actor, CancellationToken cancellationToken)
    {
        var source = await store.FindVersionAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Definition '{definitionId}' has no version {version}.");
        return await SaveDraftAsync(DefinitionJson.Read(source.Json), actor, cancellationToken);
    }

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

    private async Task SaveAsync(IReadOnlyList<DefinitionVersion> added, IReadOnlyList<DefinitionVersion> updated, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(added, updated, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DuplicateKeyException)
        {
            throw new WorkflowConflictException("Someone else changed this definition at the same moment; reload it and try again.");
        }
    }
}
