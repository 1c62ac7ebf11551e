using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>What moving from one role to another asks for: the target's skills and tools the source lacks.</summary>
public static class SkillGap
{
    public static SkillGapResult Compute(GraphSnapshot graph, int from, int to)
    {
        var missing = new List<(int Node, GraphLink Link)>();
        var carried = new List<(int Node, GraphLink Link)>();
        double total = 0, covered = 0;

        foreach (var relation in (ReadOnlySpan<RelationKind>)[RelationKind.Requires, RelationKind.Uses])
        {
            var held = RoleItems.Of(graph, from, relation).Select(x => x.Node).ToHashSet();
            foreach (var item in RoleItems.Of(graph, to, relation))
            {
                total += item.Link.Weight;
                if (held.Contains(item.Node))
                {
                    covered += item.Link.Weight;
                    carried.Add(item);
                }
                else
                {
                    missing.Add(item);
                }
            }
        }

        return new SkillGapResult(graph[from], graph[to], Ranked(graph, missing), Ranked(graph, carried), total == 0 ? 1 : covered / total);
    }

    /// <summary>Most important first (importance 1 where absent), then by name.</summary>
    private static GapItem[] Ranked(GraphSnapshot graph, List<(int Node, GraphLink Link)> items)
    {
        LinkOrder.Sort(graph, items);
        return items.Select(x => new GapItem(graph[x.Node], x.Link.Importance, x.Link.Level)).ToArray();
    }
}
