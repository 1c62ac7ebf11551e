using RoleGraph.Core.Graph;
using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Algorithms;

/// <summary>Filters (<see cref="NodeMatcher"/>), orders and pages the nodes of one kind.</summary>
public static class NodeListing
{
    public static NodePage Page(GraphSnapshot graph, NodeQuery query)
    {
        var matching = new List<int>();
        var matcher = query.Filter is { } filter ? new NodeMatcher(graph, filter) : null;

        // The default order (name, then id) is kept per kind by the snapshot: filter it, no sort per query.
        var byName = query.Order.Count == 0 || (query.Order.Count == 1 && query.Order[0] is { Field: NodeSortField.Name, Descending: false });
        foreach (var node in byName ? graph.OfKindByName(query.Kind) : graph.OfKind(query.Kind))
        {
            if (matcher is null || matcher.Matches(node))
            {
                matching.Add(node);
            }
        }

        if (!byName)
        {
            matching.Sort(Comparer(graph, query.Order));
        }

        var (start, end) = query.Page.Resolve(matching.Count);
        var nodes = new Model.GraphNode[end - start];
        for (var i = start; i < end; i++)
        {
            nodes[i - start] = graph[matching[i]];
        }

        return new NodePage(nodes, start, matching.Count, HasPreviousPage: start > 0, HasNextPage: end < matching.Count);
    }

    /// <summary>The requested keys in turn, then ascending id, so the order is total and the same in every store.</summary>
    private static Comparison<int> Comparer(GraphSnapshot graph, IReadOnlyList<NodeSort> order)
    {
        var keys = order.Count == 0 ? DefaultOrder : order;
        return (a, b) =>
        {
            foreach (var key in keys)
            {
                var c = key.Field == NodeSortField.Name ? graph.NameRank(a).CompareTo(graph.NameRank(b)) : a.CompareTo(b);
                if (c != 0)
                {
                    return key.Descending ? -c : c;
                }
            }

            return a.CompareTo(b);
        };
    }

    private static readonly NodeSort[] DefaultOrder = [new(NodeSortField.Name)];
}
