using System.Buffers;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Shortest paths between two nodes, ignoring link direction: most relevant first, or in lexicographic order of
/// their node-id sequences (then of their relations where two nodes are linked more than once).
/// </summary>
/// <remarks>
/// <para>A breadth-first search from the source finds the distance d; a backward search from the target keeps only
/// nodes that lie on some shortest path (the layers of a DAG from source to target).</para>
/// <para><b>Id order.</b> A depth-first walk over that DAG, visiting neighbours in id order (the snapshot's adjacency
/// order), emits paths already sorted and stops after the first <c>first</c>.</para>
/// <para><b>Relevance.</b> A path v0 … vL with links e1 … eL scores</para>
/// <code>
/// score = Σ_{i=1..L−1} spec(v_i) · (w(e_i) + w(e_{i+1})) / 2  ÷  (L − 1)
/// spec(n) = ln((R + 1) / (r_n + 1)) / ln(R + 1)
/// </code>
/// <para>where R is the number of roles, r_n the number of roles holding n (REQUIRES, USES or RESPONSIBLE_FOR to
/// it; see <see cref="RoleHolders"/>) and w a link's weight (its importance, 1 where absent). That is the mean, over
/// the nodes between the ends, of each node's specificity (an IDF scaled to 0..1: 0 for an item every role holds,
/// 1 for one no role holds) times the mean weight of the two links through it. It lies in 0..1; a path with nothing
/// between its ends (one step, or none) scores 1. The ends do not count: every path shares them.</para>
/// <para>Paths are ranked by score, highest first, ties in id order, without enumerating them all: the score
/// is a sum over links (link e = (u, v) adds w(e) · (spec(u) + spec(v)) / 2, with spec 0 at the ends), so a pass
/// backwards over the DAG gives each node the best score still reachable from it, and a best-first search over path
/// prefixes, keyed by prefix score plus that best rest, pops complete paths in rank order. Every prefix it expands
/// belongs to one of the paths it returns, so it does at most first · (L + 1) expansions. Link scores are added in
/// fixed point (2^-40), so equal scores tie exactly whatever the summation order and fall back to id order; the
/// score reported is rounded to 12 decimals.</para>
/// </remarks>
public static class ShortestPaths
{
    private const double FixedPointScale = 1L << 40;
    private const int ScoreDecimals = 12;

    /// <summary>
    /// In id order, with scores from the snapshot's own role counts: the behaviour before ranking existed, for
    /// callers that have not chosen an order.
    /// </summary>
    public static IReadOnlyList<GraphPath> Find(GraphSnapshot graph, int from, int to, int maxHops, IReadOnlyCollection<RelationKind>? via, int first) =>
        Find(graph, from, to, maxHops, via, first, PathOrder.Id);

    /// <summary>The first <paramref name="first"/> shortest paths of at most <paramref name="maxHops"/> steps, in the given order.</summary>
    /// <param name="holders">Role counts for specificity; null counts them in <paramref name="graph"/>, which is right
    /// only when it is the whole graph.</param>
    public static IReadOnlyList<GraphPath> Find(
        GraphSnapshot graph, int from, int to, int maxHops, IReadOnlyCollection<RelationKind>? via, int first, PathOrder order, RoleHolders? holders = null)
    {
        if (from == to)
        {
            return [new GraphPath([graph[from]], [], 1)];
        }

        holders ??= RoleHolders.Of(graph);
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

            var layers = MarkShortestPathNodes(graph, to, length, allowed, distance, onPath);
            var dag = new Dag(graph, from, to, length, allowed, distance, onPath);
            return order == PathOrder.Relevance
                ? Ranked(dag, layers, holders, first)
                : InIdOrder(dag, holders, first);
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

    /// <summary>
    /// Backward from the target: a node is on a shortest path when it is one step closer to the source. Returns the
    /// nodes on shortest paths by distance from the source (layer 0 is the source, layer d the target).
    /// </summary>
    private static List<int>[] MarkShortestPathNodes(GraphSnapshot graph, int to, int length, int allowed, int[] distance, bool[] onPath)
    {
        var layers = new List<int>[length + 1];
        onPath[to] = true;
        layers[length] = [to];
        for (var depth = length - 1; depth >= 0; depth--)
        {
            var layer = new List<int>();
            foreach (var node in layers[depth + 1])
            {
                foreach (var adjacent in graph.Neighbors(node))
                {
                    if (!onPath[adjacent.Node] && distance[adjacent.Node] == depth && Allowed(allowed, adjacent.Relation))
                    {
                        onPath[adjacent.Node] = true;
                        layer.Add(adjacent.Node);
                    }
                }
            }

            layers[depth] = layer;
        }

        return layers;
    }

    /// <summary>The shortest-path DAG: its links leave a node at distance d for one on a shortest path at d + 1.</summary>
    private readonly record struct Dag(GraphSnapshot Graph, int From, int To, int Length, int Allowed, int[] Distance, bool[] OnPath)
    {
        public bool IsLink(int node, Adjacent adjacent) =>
            OnPath[adjacent.Node] && Distance[adjacent.Node] == Distance[node] + 1 && ShortestPaths.Allowed(Allowed, adjacent.Relation);
    }

    // ---- Id order -------------------------------------------------------------------------------------------------

    private static List<GraphPath> InIdOrder(Dag dag, RoleHolders holders, int first)
    {
        var paths = new List<GraphPath>(Math.Min(first, 16));
        var nodes = new int[dag.Length + 1];
        var steps = new Adjacent[dag.Length];
        nodes[0] = dag.From;
        var specificity = new Dictionary<int, double>();
        Walk(dag, 0, nodes, steps, paths, first, node =>
        {
            if (!specificity.TryGetValue(node, out var value))
            {
                value = holders.Specificity(node);
                specificity[node] = value;
            }

            return value;
        });
        return paths;
    }

    private static bool Walk(Dag dag, int depth, int[] nodes, Adjacent[] steps, List<GraphPath> paths, int first, Func<int, double> specificity)
    {
        if (depth == dag.Length)
        {
            long total = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                var inner = (i == 0 ? 0 : specificity(nodes[i])) + (i + 1 == dag.Length ? 0 : specificity(nodes[i + 1]));
                total += Contribution(dag.Graph, steps[i], inner);
            }

            paths.Add(ToPath(dag.Graph, nodes, steps, Score(total, dag.Length)));
            return paths.Count < first;
        }

        foreach (var adjacent in dag.Graph.Neighbors(nodes[depth]))
        {
            if (dag.IsLink(nodes[depth], adjacent))
            {
                nodes[depth + 1] = adjacent.Node;
                steps[depth] = adjacent;
                if (!Walk(dag, depth + 1, nodes, steps, paths, first, specificity))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // ---- Relevance --------------------------------------------------------------------------------------------------

    /// <summary>A link's share of a path's score, in fixed point: w(e) · (spec(u) + spec(v)) / 2.</summary>
    private static long Contribution(GraphSnapshot graph, Adjacent step, double specificitySum) =>
        (long)Math.Round(graph.Link(step.Link).Weight * specificitySum / 2 * FixedPointScale);

    private static double Score(long total, int length) =>
        length <= 1 ? 1 : Math.Round(total / FixedPointScale / (length - 1), ScoreDecimals);

    /// <summary>A path prefix: the entry it extends (-1 for the source alone), its last step and its score so far.</summary>
    private readonly record struct Prefix(int Parent, Adjacent Step, int Depth, long Score)
    {
        public int Node => Step.Node;
    }

    private static List<GraphPath> Ranked(Dag dag, List<int>[] layers, RoleHolders holders, int first)
    {
        var graph = dag.Graph;
        var n = graph.NodeCount;
        var specificity = ArrayPool<double>.Shared.Rent(n);
        var best = ArrayPool<long>.Shared.Rent(n);
        try
        {
            // Only the nodes on shortest paths are written, and only they are read.
            for (var depth = 1; depth < dag.Length; depth++)
            {
                foreach (var node in layers[depth])
                {
                    specificity[node] = holders.Specificity(node);
                }
            }

            specificity[dag.From] = 0;
            specificity[dag.To] = 0;

            // The best score from each node to the target, layer by layer backwards.
            best[dag.To] = 0;
            for (var depth = dag.Length - 1; depth >= 0; depth--)
            {
                foreach (var node in layers[depth])
                {
                    var top = long.MinValue;
                    foreach (var adjacent in graph.Neighbors(node))
                    {
                        if (dag.IsLink(node, adjacent))
                        {
                            top = Math.Max(top, Contribution(graph, adjacent, specificity[node] + specificity[adjacent.Node]) + best[adjacent.Node]);
                        }
                    }

                    best[node] = top;
                }
            }

            return BestFirst(dag, specificity, best, first);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(specificity);
            ArrayPool<long>.Shared.Return(best);
        }
    }

    private static List<GraphPath> BestFirst(Dag dag, double[] specificity, long[] best, int first)
    {
        var graph = dag.Graph;
        var prefixes = new List<Prefix> { new(-1, new Adjacent(dag.From, default, false, -1), 0, 0) };
        var queue = new PriorityQueue<int, int>(new PrefixOrder(prefixes, best, dag.Length));
        queue.Enqueue(0, 0);
        var paths = new List<GraphPath>(Math.Min(first, 16));
        while (paths.Count < first && queue.TryDequeue(out var index, out _))
        {
            var prefix = prefixes[index];
            if (prefix.Depth == dag.Length)
            {
                paths.Add(ToPath(dag, prefixes, index));
                continue;
            }

            foreach (var adjacent in graph.Neighbors(prefix.Node))
            {
                if (dag.IsLink(prefix.Node, adjacent))
                {
                    var score = prefix.Score + Contribution(graph, adjacent, specificity[prefix.Node] + specificity[adjacent.Node]);
                    prefixes.Add(new Prefix(index, adjacent, prefix.Depth + 1, score));
                    queue.Enqueue(prefixes.Count - 1, prefixes.Count - 1);
                }
            }
        }

        return paths;
    }

    /// <summary>
    /// Highest reachable score first (prefix score plus the best rest), then the id order of the walk: step by
    /// step by neighbour, relation, outgoing before incoming, a shorter prefix before its extensions. A prefix of
    /// a path always sorts before that path, so complete paths leave the queue in rank order.
    /// </summary>
    private sealed class PrefixOrder(List<Prefix> prefixes, long[] best, int length) : IComparer<int>
    {
        private readonly int[] _left = new int[length];
        private readonly int[] _right = new int[length];

        public int Compare(int x, int y)
        {
            if (x == y)
            {
                return 0;
            }

            Prefix a = prefixes[x], b = prefixes[y];
            var byScore = (b.Score + best[b.Node]).CompareTo(a.Score + best[a.Node]);
            if (byScore != 0)
            {
                return byScore;
            }

            var left = Chain(x, _left);
            var right = Chain(y, _right);
            for (var i = 0; i < Math.Min(left, right); i++)
            {
                var c = CompareSteps(prefixes[_left[i]].Step, prefixes[_right[i]].Step);
                if (c != 0)
                {
                    return c;
                }
            }

            return left.CompareTo(right);
        }

        /// <summary>The prefix's entries from the first step on, into <paramref name="chain"/>; returns how many.</summary>
        private int Chain(int index, int[] chain)
        {
            var depth = prefixes[index].Depth;
            for (var i = depth - 1; i >= 0; i--)
            {
                chain[i] = index;
                index = prefixes[index].Parent;
            }

            return depth;
        }

        private static int CompareSteps(Adjacent a, Adjacent b)
        {
            var c = a.Node.CompareTo(b.Node);
            if (c != 0)
            {
                return c;
            }

            c = a.Relation.CompareTo(b.Relation);
            return c != 0 ? c : b.Outgoing.CompareTo(a.Outgoing);
        }
    }

    private static GraphPath ToPath(Dag dag, List<Prefix> prefixes, int index)
    {
        var nodes = new int[dag.Length + 1];
        var steps = new Adjacent[dag.Length];
        var score = prefixes[index].Score;
        for (var i = dag.Length - 1; i >= 0; i--)
        {
            steps[i] = prefixes[index].Step;
            nodes[i + 1] = steps[i].Node;
            index = prefixes[index].Parent;
        }

        nodes[0] = dag.From;
        return ToPath(dag.Graph, nodes, steps, Score(score, dag.Length));
    }

    private static GraphPath ToPath(GraphSnapshot graph, int[] nodes, Adjacent[] steps, double score)
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

        return new GraphPath(pathNodes, pathSteps, score);
    }
}
