using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// The embedded store's orders, restated for nodes read from Neo4j: by invariant lower-cased name compared
/// ordinally, then by id ordinally. Cypher's ORDER BY compares strings by code point and would break ties and
/// non-BMP text differently, so ordering stays in process.
/// </summary>
internal static class NodeOrder
{
    public static int ByName(GraphNode a, GraphNode b)
    {
        var byName = string.CompareOrdinal(a.Name.ToLowerInvariant(), b.Name.ToLowerInvariant());
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>The requested keys in turn, then ascending id: the total order node lists use.</summary>
    public static Comparison<(string Id, string NameLower)> ForListing(IReadOnlyList<NodeSort> order)
    {
        var keys = order.Count == 0 ? DefaultOrder : order;
        return (a, b) =>
        {
            foreach (var key in keys)
            {
                var c = key.Field == NodeSortField.Name ? string.CompareOrdinal(a.NameLower, b.NameLower) : string.CompareOrdinal(a.Id, b.Id);
                if (c != 0)
                {
                    return key.Descending ? -c : c;
                }
            }

            return string.CompareOrdinal(a.Id, b.Id);
        };
    }

    private static readonly NodeSort[] DefaultOrder = [new(NodeSortField.Name)];
}
