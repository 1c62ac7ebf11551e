using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>What a role links to, by kind: the relation each comparable kind is reached through.</summary>
internal static class RoleItems
{
    public static RelationKind RelationFor(NodeKind kind) => kind switch
    {
        NodeKind.Skill => RelationKind.Requires,
        NodeKind.Tool => RelationKind.Uses,
        NodeKind.Responsibility => RelationKind.ResponsibleFor,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Roles link to skills, tools and responsibilities only."),
    };

    /// <summary>The role's outgoing links of one relation, as (node, link) pairs in node-id order.</summary>
    public static IEnumerable<(int Node, GraphLink Link)> Of(GraphSnapshot graph, int role, RelationKind relation)
    {
        var result = new List<(int, GraphLink)>();
        foreach (var adjacent in graph.Neighbors(role))
        {
            if (adjacent.Outgoing && adjacent.Relation == relation)
            {
                result.Add((adjacent.Node, graph.Link(adjacent.Link)));
            }
        }

        return result;
    }

    /// <summary>The skills and tools <paramref name="other"/> holds among <paramref name="held"/>, by name, then id.</summary>
    public static GraphNode[] SharedSkillsAndTools(GraphSnapshot graph, int other, IReadOnlySet<int> held)
    {
        var shared = new List<int>();
        foreach (var adjacent in graph.Neighbors(other))
        {
            if (adjacent.Outgoing && adjacent.Relation is RelationKind.Requires or RelationKind.Uses && held.Contains(adjacent.Node))
            {
                shared.Add(adjacent.Node);
            }
        }

        return SortedByName(graph, shared);
    }

    /// <summary>The skills and tools a role holds.</summary>
    public static HashSet<int> SkillsAndTools(GraphSnapshot graph, int role)
    {
        var held = new HashSet<int>();
        foreach (var adjacent in graph.Neighbors(role))
        {
            if (adjacent.Outgoing && adjacent.Relation is RelationKind.Requires or RelationKind.Uses)
            {
                held.Add(adjacent.Node);
            }
        }

        return held;
    }

    public static GraphNode[] SortedByName(GraphSnapshot graph, IEnumerable<int> nodes)
    {
        var list = nodes.ToList();
        list.Sort(graph.CompareByName);
        return list.Select(i => graph[i]).ToArray();
    }
}
