using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>What roles share and what each holds alone, over skills, tools and responsibilities.</summary>
public static class Overlap
{
    /// <param name="roles">Distinct role indexes, 2 or more.</param>
    /// <param name="kinds">The comparable kinds to include; the others come back empty.</param>
    public static OverlapResult Compute(GraphSnapshot graph, IReadOnlyList<int> roles, IReadOnlyList<NodeKind> kinds)
    {
        var shared = new Dictionary<NodeKind, GraphNode[]>();
        var exclusive = roles.Select(_ => new Dictionary<NodeKind, GraphNode[]>()).ToArray();
        int sharedCount = 0, unionCount = 0;

        foreach (var kind in OverlapKinds)
        {
            if (!kinds.Contains(kind))
            {
                shared[kind] = [];
                foreach (var perRole in exclusive)
                {
                    perRole[kind] = [];
                }

                continue;
            }

            var relation = RoleItems.RelationFor(kind);
            var sets = roles.Select(r => RoleItems.Of(graph, r, relation).Select(x => x.Node).ToHashSet()).ToArray();

            // How many of the roles hold each item: all of them means shared, exactly one means exclusive.
            var holders = new Dictionary<int, int>();
            foreach (var item in sets.SelectMany(s => s))
            {
                holders[item] = holders.GetValueOrDefault(item) + 1;
            }

            shared[kind] = RoleItems.SortedByName(graph, holders.Where(h => h.Value == roles.Count).Select(h => h.Key));
            for (var r = 0; r < roles.Count; r++)
            {
                exclusive[r][kind] = RoleItems.SortedByName(graph, sets[r].Where(item => holders[item] == 1));
            }

            sharedCount += shared[kind].Length;
            unionCount += holders.Count;
        }

        var perRoleResults = roles
            .Select((role, r) => new RoleOverlap(graph[role], exclusive[r][NodeKind.Skill], exclusive[r][NodeKind.Tool], exclusive[r][NodeKind.Responsibility]))
            .ToArray();

        return new OverlapResult(
            roles.Select(r => graph[r]).ToArray(),
            kinds,
            shared[NodeKind.Skill],
            shared[NodeKind.Tool],
            shared[NodeKind.Responsibility],
            perRoleResults,
            unionCount == 0 ? 0 : (double)sharedCount / unionCount);
    }

    private static readonly NodeKind[] OverlapKinds = [NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility];
}
