using System.Buffers;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Every shortest path between two nodes, ignoring link direction, in lexicographic order of their node-id
/// sequences (then of their relations where two nodes are linked more than once).
/// </summary>
/// <remarks>
/// A breadth-first search from the source finds the distance d; a backward search from the target keeps only
/// nodes that lie on some shortest path; a depth-first walk over those, visiting neighbours in id order (the
/// snapshot's adjacency order), then emits paths already sorted and can stop after the first <c>first</c>.
/// </remarks>
public static class ShortestPaths
{
    public static IReadOnlyList<GraphPath> Find(GraphSnapshot graph, int from, int to, int maxHops, IReadOnlyCollection<RelationKind>? via, int first)
    {
        if (from == to)
        {
            return [new GraphPath([graph[from]], [])];
        }

        var allowed = RelationMask(via);
        var n = graph.NodeCount;
        var distance = ArrayPool<int>.Shared.Rent(n);
        var onPath = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            Array.Fill(distance, -1, 0, n);
            Array.Clear(onPath, 0, n);

            var length = ForwardSearch(graph, from, to, maxHops, allowed, distance);
            if (length < 0)
            {
                return [];
            }

            MarkShortestPathNodes(graph, to, length, allowed, distance, onPath);

            var paths = new List<GraphPath>(Math.Min(first, 16));
            var nodes = new int[length + 1];
            var steps = new Adjacent[length];
            nodes[0] = from;
            Walk(graph, 0, length, allowed, distance, onPath, nodes, steps, paths, first);
            return paths;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(distance);
            ArrayPool<bool>.Shared.Return(onPath);
        }
    }

    private static int RelationMask(IReadOnlyCollection<RelationKind>? via)
    {
        if (via is null || via.Count == 0)
        {
            return ~0;
        }

        var mask = 0;
        foreach (var relation in via)
        {
            mask |= 1 << (int)relation;
        }

        return mask;
    }

    private static bool Allowed(int mask, RelationKind relation) => (mask & (1 << (int)relation)) != 0;

    /// <summary>Breadth-first from the source, layer by layer, stopping at the layer that reaches the target.</summary>
    private static int ForwardSearch(GraphSnapshot graph, int from, int to, int maxHops, int allowed, int[] distance)
    {
        distance[from] = 0;
        var frontier = new List<int> { from };
        var next = new List<int>();
        for (var depth = 1; depth <= maxHops && frontier.Count > 0; depth++)
        {
            foreach (var node in frontier)
            {
                foreach (var adjacent in graph.Neighbors(node))
                {
                    if (distance[adjacent.Node] < 0 && Allowed(allowed, adjacent.Relation))
                    {
                        distance[adjacent.Node] = depth;
                        next.Add(adjacent.Node);
                    }
                }
            }

            if (distance[to] >= 0)
            {
                return depth;
            }

            (frontier, next) = (next, frontier);
            next.Clear();
        }

        return -1;
    }

    /// <summary>Backward from the target: a node is on a shortest path when it is one step closer to the source.</summary>
    private static void MarkShortestPathNodes(GraphSnapshot graph, int to, int length, int allowed, int[] distance, bool[] onPath)
    {
        onPath[to] = true;
        var frontier = new List<int> { to };
        var next = new List<int>();
        for (var depth = length - 1; depth >= 0; depth--)
        {
            foreach (var node in frontier)
            {
                foreach (var adjacent in graph.Neighbors(node))
                {
                    if (!onPath[adjacent.Node] && distance[adjacent.Node] == depth && Allowed(allowed, adjacent.Relation))
                    {
                        onPath[adjacent.Node] = true;
                        next.Add(adjacent.Node);
                    }
                }
            }

            (frontier, next) = (next, frontier);
            next.Clear();
        }
    }

    private static bool Walk(
        GraphSnapshot graph, int depth, int length, int allowed, int[] distance, bool[] onPath,
        int[] nodes, Adjacent[] steps, List<GraphPath> paths, int first)
    {
        if (depth == length)
        {
            paths.Add(ToPath(graph, nodes, steps));
            return paths.Count < first;
        }

        foreach (var adjacent in graph.Neighbors(nodes[depth]))
        {
            if (onPath[adjacent.Node] && distance[adjacent.Node] == depth + 1 && Allowed(allowed, adjacent.Relation))
            {
                nodes[depth + 1] = adjacent.Node;
                steps[depth] = adjacent;
                if (!Walk(graph, depth + 1, length, allowed, distance, onPath, nodes, steps, paths, first))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static GraphPath ToPath(GraphSnapshot graph, int[] nodes, Adjacent[] steps)
    {
        var pathNodes = new GraphNode[nodes.Length];
        var pathSteps = new PathStep[steps.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            pathNodes[i] = graph[nodes[i]];
        }

        for (var i = 0; i < steps.Length; i++)
        {
            pathSteps[i] = new PathStep(pathNodes[i].Id, pathNodes[i + 1].Id, steps[i].Relation, steps[i].Outgoing);
        }

        return new GraphPath(pathNodes, pathSteps);
    }
}
