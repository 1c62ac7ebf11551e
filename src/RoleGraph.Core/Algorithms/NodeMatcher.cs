using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Evaluates a <see cref="NodeFilter"/> against nodes of a snapshot: id and name on the snapshot's lower-cased
/// copies, properties on the node, link conditions on the node's adjacency. A <c>some</c> whose filter names the far
/// nodes by id (eq or in) finds them by binary search in the sorted adjacency instead of walking it. One instance
/// per query; not for concurrent use.
/// </summary>
public sealed class NodeMatcher
{
    private readonly GraphSnapshot _graph;
    private readonly NodeFilter _filter;
    private readonly Func<NodeFilter, bool> _graphPart;
    private readonly Dictionary<LinkFilter, int[]> _farIndexes = new(ReferenceEqualityComparer.Instance);
    private int _node;

    /// <param name="filter">The filter as the caller gave it; it is lower-cased here once.</param>
    public NodeMatcher(GraphSnapshot graph, NodeFilter filter)
    {
        _graph = graph;
        _filter = filter.Lowered();
        _graphPart = GraphPart;
    }

    public bool Matches(int node)
    {
        _node = node;
        return _filter.Matches(_graph.LowerId(node), _graph.LowerName(node), _graphPart);
    }

    private bool GraphPart(NodeFilter filter)
    {
        if (filter.Properties is { } properties && !properties.Matches(_graph[_node].Properties))
        {
            return false;
        }

        if (filter.Links is { } links)
        {
            foreach (var condition in links)
            {
                if (!LinksMatch(_node, condition))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool LinksMatch(int node, RelationCondition condition)
    {
        var filter = condition.Filter;
        var someFound = filter.Some is null;
        if (filter.Some is { } some && FarIndexes(some) is { } candidates)
        {
            foreach (var candidate in candidates)
            {
                if (AnyLinkTo(node, candidate, condition, some))
                {
                    someFound = true;
                    break;
                }
            }

            if (!someFound)
            {
                return false;
            }

            if (filter.All is null && filter.None is null && filter.Any is null)
            {
                return true;
            }
        }

        var count = 0;
        foreach (var adjacent in _graph.Neighbors(node))
        {
            if (!IsOf(adjacent, condition))
            {
                continue;
            }

            count++;
            if (!someFound && LinkMatches(filter.Some!, adjacent))
            {
                someFound = true;
            }

            if ((filter.All is { } all && !LinkMatches(all, adjacent)) || (filter.None is { } none && LinkMatches(none, adjacent)))
            {
                return false;
            }
        }

        return someFound && (filter.Any is not { } any || any == count > 0);
    }

    /// <summary>Whether an adjacency entry is a link of the condition's relation, direction and far kind.</summary>
    internal static bool IsOf(GraphSnapshot graph, Adjacent adjacent, RelationKind relation, LinkDirection direction, NodeKind? farKind) =>
        adjacent.Relation == relation
        && adjacent.Outgoing == (direction == LinkDirection.Outgoing)
        && (farKind is null || graph[adjacent.Node].Kind == farKind);

    private bool IsOf(Adjacent adjacent, RelationCondition condition) =>
        IsOf(_graph, adjacent, condition.Relation, condition.Direction, condition.FarKind);

    private bool LinkMatches(LinkFilter filter, Adjacent adjacent)
    {
        var link = _graph.Link(adjacent.Link);
        return filter.Matches(_graph.LowerId(adjacent.Node), _graph.LowerName(adjacent.Node), link.Importance, link.Level);
    }

    /// <summary>The adjacency is sorted by far node first: find the entries to one node by binary search.</summary>
    private bool AnyLinkTo(int node, int far, RelationCondition condition, LinkFilter filter)
    {
        var neighbors = _graph.Neighbors(node);
        int lo = 0, hi = neighbors.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (neighbors[mid].Node < far)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < neighbors.Length && neighbors[i].Node == far; i++)
        {
            if (IsOf(neighbors[i], condition) && LinkMatches(filter, neighbors[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nodes a link filter's top-level id condition allows (ids are lower-case slugs), or null.</summary>
    private int[]? FarIndexes(LinkFilter filter)
    {
        if (filter.OnlyIds is not { } ids)
        {
            return null;
        }

        if (!_farIndexes.TryGetValue(filter, out var indexes))
        {
            var found = new List<int>(ids.Count);
            foreach (var id in ids)
            {
                if (_graph.TryGetIndex(id, out var index))
                {
                    found.Add(index);
                }
            }

            indexes = [.. found.Distinct()];
            _farIndexes[filter] = indexes;
        }

        return indexes;
    }
}
