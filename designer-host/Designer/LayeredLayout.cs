using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Definitions;

namespace Approval.DesignerHost.Designer;

/// <summary>Places activities that carry no position: a column per step along the longest path from Start, a row per branch.</summary>
/// <remarks>
/// Loops (a return to an earlier step) would make "longest path" endless, so edges that close a cycle in a depth-first
/// walk from Start are left out before the columns are worked out; they are drawn afterwards like any other link.
/// </remarks>
public static class LayeredLayout
{
    public const double ColumnGap = 240;
    public const double RowGap = 160;

    public static IReadOnlyDictionary<string, (double X, double Y)> Compute(Flowchart flowchart)
    {
        var ids = flowchart.Activities.Select(a => a.Id).Distinct().ToList();
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var outgoing = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var connection in flowchart.Connections)
        {
            if (known.Contains(connection.Source.Activity) && known.Contains(connection.Target.Activity)
                && !outgoing[connection.Source.Activity].Contains(connection.Target.Activity))
            {
                outgoing[connection.Source.Activity].Add(connection.Target.Activity);
            }
        }

        // Roots: Start first, then anything nothing leads to, then whatever is left (parts of unreachable cycles).
        var inbound = flowchart.Connections.Select(c => c.Target.Activity).ToHashSet(StringComparer.Ordinal);
        var roots = flowchart.Activities.Where(a => a.Type == StartActivity.TypeName).Select(a => a.Id)
            .Concat(ids.Where(id => !inbound.Contains(id)))
            .Concat(ids)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var forward = ForwardEdges(roots, outgoing, out var discovery);
        var layer = LongestPathLayers(discovery, forward);

        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var column in discovery.GroupBy(id => layer[id]))
        {
            var row = 0;
            foreach (var id in column)
            {
                positions[id] = (column.Key * ColumnGap, row++ * RowGap);
            }
        }

        return positions;
    }

    /// <summary>A depth-first walk from the roots; every edge except those back to a node still on the walk's stack.</summary>
    private static Dictionary<string, List<string>> ForwardEdges(IReadOnlyList<string> roots, Dictionary<string, List<string>> outgoing, out List<string> discovery)
    {
        var forward = outgoing.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var order = new List<string>();
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            // An explicit stack: a long flow must not cost a deep recursion.
            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            order.Add(root);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var targets = outgoing[id];
                if (next >= targets.Count)
                {
                    state[id] = 2;
                    continue;
                }

                stack.Push((id, next + 1));
                var target = targets[next];
                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        forward[id].Add(target);
                        state[target] = 1;
                        order.Add(target);
                        stack.Push((target, 0));
                        break;
                    case 2:
                        forward[id].Add(target);
                        break;
                }
            }
        }

        discovery = order;
        return forward;
    }

    private static Dictionary<string, int> LongestPathLayers(IReadOnlyList<string> ids, Dictionary<string, List<string>> forward)
    {
        var indegree = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var target in forward.Values.SelectMany(t => t))
        {
            indegree[target]++;
        }

        var layer = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var ready = new Queue<string>(ids.Where(id => indegree[id] == 0));
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            foreach (var target in forward[id])
            {
                layer[target] = Math.Max(layer[target], layer[id] + 1);
                if (--indegree[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }

        return layer;
    }
}
