using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;

namespace RoleGraph.Core.Algorithms;

/// <summary>Filters, orders and pages one node's links of a relation (a role's skills, a tool's roles), with statistics.</summary>
public static class LinkListing
{
    public static LinkPage Page(GraphSnapshot graph, int node, LinkQuery query)
    {
        var filter = query.Filter?.Lowered();
        var items = new List<(int Node, GraphLink Link)>();
        int importances = 0, levels = 0;
        double importanceMin = double.MaxValue, importanceMax = double.MinValue, importanceSum = 0;
        double levelMin = double.MaxValue, levelMax = double.MinValue, levelSum = 0;
        foreach (var adjacent in graph.Neighbors(node))
        {
            if (!NodeMatcher.IsOf(graph, adjacent, query.Relation, query.Direction, query.FarKind))
            {
                continue;
            }

            var link = graph.Link(adjacent.Link);
            if (filter is not null && !filter.Matches(graph.LowerId(adjacent.Node), graph.LowerName(adjacent.Node), link.Importance, link.Level))
            {
                continue;
            }

            items.Add((adjacent.Node, link));
            if (link.Importance is { } importance)
            {
                importances++;
                importanceSum += importance;
                importanceMin = Math.Min(importanceMin, importance);
                importanceMax = Math.Max(importanceMax, importance);
            }

            if (link.Level is { } level)
            {
                levels++;
                levelSum += level;
                levelMin = Math.Min(levelMin, level);
                levelMax = Math.Max(levelMax, level);
            }
        }

        if (query.Order.Count == 0)
        {
            LinkOrder.Sort(graph, items);
        }
        else
        {
            items.Sort(Comparer(graph, query.Order));
        }

        var (start, end) = query.Page.Resolve(items.Count);
        var page = new LinkedNode[end - start];
        for (var i = start; i < end; i++)
        {
            page[i - start] = new LinkedNode(graph[items[i].Node], items[i].Link);
        }

        return new LinkPage(
            page, start, items.Count, HasPreviousPage: start > 0, HasNextPage: end < items.Count,
            NumberStats.Of(importances, importanceMin, importanceMax, importanceSum),
            NumberStats.Of(levels, levelMin, levelMax, levelSum));
    }

    /// <summary>The requested keys in turn, then name, then id: total, and the same in every store.</summary>
    private static Comparison<(int Node, GraphLink Link)> Comparer(GraphSnapshot graph, IReadOnlyList<LinkSort> order) =>
        (a, b) =>
        {
            foreach (var key in order)
            {
                var c = key.Field switch
                {
                    LinkSortField.Importance => a.Link.Weight.CompareTo(b.Link.Weight),
                    LinkSortField.Level => CompareMissingLast(a.Link.Level, b.Link.Level),
                    LinkSortField.Name => graph.NameRank(a.Node).CompareTo(graph.NameRank(b.Node)),
                    _ => a.Node.CompareTo(b.Node),
                };
                if (c != 0)
                {
                    return key.Descending ? -c : c;
                }
            }

            return graph.CompareByName(a.Node, b.Node);
        };

    private static int CompareMissingLast(double? a, double? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };
}
