using System.Collections.Concurrent;

namespace Approval.DesignerHost.Tasks;

/// <summary>Which matter each case is for, remembered per host: a case never changes its matter, and an inbox that
/// refreshes every few seconds should not re-read every case it lists.</summary>
public sealed class CaseMatterCache
{
    // A bound keeps a long-running host from holding every case it ever listed; past it the cache starts over.
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<Guid, CaseMatter> _matters = new();

    public bool TryGet(Guid applicationId, out CaseMatter matter) => _matters.TryGetValue(applicationId, out matter!);

    public void Remember(Guid applicationId, CaseMatter matter)
    {
        if (_matters.Count >= Capacity)
        {
            _matters.Clear();
        }

        _matters[applicationId] = matter;
    }
}

/// <summary>A case's matter: its code and name (the workflow's definition id and name for a run outside the catalogue).</summary>
public sealed record CaseMatter(string Code, string Name);
