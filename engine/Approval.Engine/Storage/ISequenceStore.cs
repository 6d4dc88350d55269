namespace Approval.Engine.Storage;

/// <summary>Named counters that hand out 1, 2, 3… once each, across hosts (case numbers, document numbers).</summary>
public interface ISequenceStore
{
    /// <summary>The next value of <paramref name="name"/>, starting at 1.</summary>
    Task<long> NextAsync(string name, CancellationToken cancellationToken);
}
