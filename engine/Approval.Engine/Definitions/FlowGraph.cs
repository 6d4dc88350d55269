namespace Approval.Engine.Definitions;

/// <summary>A flowchart indexed for traversal: activities by id, connections by source and by target.</summary>
public sealed class FlowGraph
{
    private static readonly IReadOnlyList<Connection> None = [];
    private readonly Dictionary<string, List<Connection>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _inbound = new(StringComparer.Ordinal);

    public FlowGraph(Flowchart flowchart)
    {
        Activities = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var activity in flowchart.Activities)
        {
            Activities.TryAdd(activity.Id, activity);
        }

        foreach (var connection in flowchart.Connections)
        {
            Add(_outbound, connection.Source.Activity, connection);
            Add(_inbound, connection.Target.Activity, connection);
        }
    }

    public Dictionary<string, ActivityNode> Activities { get; }

    public IReadOnlyList<Connection> Outbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : None;

    public IReadOnlyList<Connection> Inbound(string activityId) => _inbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Every activity reachable from <paramref name="from"/> (itself included), not passing through <paramref name="stopAt"/>.</summary>
    public HashSet<string> ReachableFrom(IEnumerable<string> from, string? stopAt = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var start in from)
        {
            if (seen.Add(start))
            {
                pending.Push(start);
            }
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == stopAt)
            {
                continue;
            }

            foreach (var connection in Outbound(current))
            {
                if (seen.Add(connection.Target.Activity))
                {
                    pending.Push(connection.Target.Activity);
                }
            }
        }

        return seen;
    }

    private static void Add(Dictionary<string, List<Connection>> index, string key, Connection connection)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(connection);
    }
}
