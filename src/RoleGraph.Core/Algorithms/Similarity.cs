using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// The baseline the similarity model is measured against (bench: quality) and a cheap stand-in in tests:
/// roles ranked by weighted Jaccard similarity over skills and tools: Σ min(wa, wb) / Σ max(wa, wb), with a
/// link's importance as its weight (1 where absent) and 0 for items a role lacks.
/// </summary>
/// <remarks>
/// Only roles that share an item can score above zero, so the scan walks from the role's items to the other
/// roles holding them instead of comparing against every role; Σ max = A + B − Σ min gives the denominator from
/// the precomputed totals.
/// </remarks>
public static class Similarity
{
    public static IReadOnlyList<SimilarRole> Rank(GraphSnapshot graph, int role, int first)
    {
        var ownWeights = new Dictionary<int, double>();
        foreach (var relation in (ReadOnlySpan<RelationKind>)[RelationKind.Requires, RelationKind.Uses])
        {
            foreach (var (node, link) in RoleItems.Of(graph, role, relation))
            {
                ownWeights[node] = link.Weight;
            }
        }

        var sharedMin = new Dictionary<int, double>();
        foreach (var (item, weight) in ownWeights)
        {
            foreach (var adjacent in graph.Neighbors(item))
            {
                if (!adjacent.Outgoing && adjacent.Node != role && adjacent.Relation is RelationKind.Requires or RelationKind.Uses)
                {
                    sharedMin[adjacent.Node] = sharedMin.GetValueOrDefault(adjacent.Node) + Math.Min(weight, graph.Link(adjacent.Link).Weight);
                }
            }
        }

        var total = graph.RoleWeightTotal(role);
        var ranked = sharedMin
            .Select(kv => (Role: kv.Key, Score: Score(kv.Value, total, graph.RoleWeightTotal(kv.Key))))
            .Where(x => x.Score > 0)
            .ToList();
        ranked.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : graph.CompareByName(a.Role, b.Role);
        });

        var held = ownWeights.Keys.ToHashSet();
        return ranked.Take(first)
            .Select(x => new SimilarRole(graph[x.Role], x.Score, RoleItems.SharedSkillsAndTools(graph, x.Role, held), [], [], []))
            .ToArray();
    }

    /// <summary>
    /// Rounded to 12 decimals: the sums add the same weights in whatever order links are stored, so two equal
    /// scores can differ in the last bit. Rounded, equal scores tie and fall back to name order, in every store.
    /// </summary>
    private static double Score(double sumMin, double totalA, double totalB)
    {
        var sumMax = totalA + totalB - sumMin;
        return sumMax <= 0 ? 0 : Math.Round(sumMin / sumMax, ScoreDecimals);
    }

    private const int ScoreDecimals = 12;
}
