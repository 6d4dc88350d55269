namespace Approval.Engine.Storage;

/// <summary>Another commit changed the instance first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A bookmark to resume is gone: it was resumed or cancelled already. Exactly-once resume depends on this.</summary>
public sealed class BookmarkGoneException(Guid bookmarkId)
    : Exception($"Bookmark {bookmarkId} is no longer waiting: it was already resumed or cancelled.")
{
    public Guid BookmarkId { get; } = bookmarkId;
}

/// <summary>An insert met a row with the same key (a duplicate child start, a definition created twice).</summary>
public sealed class DuplicateKeyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A start was planned on a definition version that is no longer the published one: a publish or retract
/// committed in between. Nothing of the start was written; the caller looks the published version up again.</summary>
public sealed class PublishedVersionChangedException(string versionId)
    : Exception($"Definition version '{versionId}' is no longer the published one.")
{
    public string VersionId { get; } = versionId;
}
