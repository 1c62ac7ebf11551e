using System.Diagnostics;
using System.Globalization;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Benchmarks.Quality;

/// <summary>
/// Issue 11's path figures, in mode quality: over the related pairs (role, related role) of the same file and tier
/// as the similarity figures, the share of first shortest paths that go through a hub (a skill, tool or
/// responsibility held, by REQUIRES, USES or RESPONSIBLE_FOR from a role, by more than a quarter of the roles), in
/// id order and in relevance order, and the median in-process times of shortestPaths (first 10, maxHops 4) and of
/// careerPath (maxSteps 3, first 3), run as <see cref="Core.Services.GraphQueryService"/> runs them over the
/// embedded store's whole-graph snapshot.
/// </summary>
public static class PathQuality
{
    private const double HubShare = 0.25;
    private const int WarmUpPairs = 200;

    /// <param name="similarity">The index with the service's default weights, whose remembered nearest roles career
    /// paths step along, as the service's cache does.</param>
    public static void Run(GraphSnapshot graph, IReadOnlyList<(int From, int To)> pairs, RoleSimilarityIndex similarity, string tier)
    {
        if (pairs.Count == 0)
        {
            Console.WriteLine("NOTE: path figures skipped: no related pairs.");
            return;
        }

        var holders = RoleHolders.Of(graph);
        var hubs = Hubs(graph, holders);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Paths between the {pairs.Count} {tier} pairs: {hubs.Count} hubs (skills, tools, responsibilities held by > {HubShare:P0} of the {holders.RoleCount} roles)"));

        // Warm up (JIT, tiered compilation), then one timed pass per order, as the service calls it (holders per call).
        foreach (var (from, to) in pairs.Take(WarmUpPairs))
        {
            ShortestPath(graph, from, to, PathOrder.Relevance);
            ShortestPath(graph, from, to, PathOrder.Id);
        }

        int withPath = 0, idHub = 0, relevanceHub = 0;
        var idTimes = new double[pairs.Count];
        var relevanceTimes = new double[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (from, to) = pairs[i];
            var start = Stopwatch.GetTimestamp();
            var byId = ShortestPath(graph, from, to, PathOrder.Id);
            idTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            var ranked = ShortestPath(graph, from, to, PathOrder.Relevance);
            relevanceTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (ranked.Count == 0)
            {
                continue;
            }

            withPath++;
            idHub += ThroughHub(graph, byId[0], hubs) ? 1 : 0;
            relevanceHub += ThroughHub(graph, ranked[0], hubs) ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first shortest path through a hub, of {withPath} pairs with a path: id order {(double)idHub / Math.Max(1, withPath):P1} ({idHub}), relevance {(double)relevanceHub / Math.Max(1, withPath):P1} ({relevanceHub})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  shortestPaths (first {PathQuery.DefaultFirst}, maxHops {PathQuery.DefaultMaxHops}) ms: relevance {Describe(relevanceTimes)}; id order {Describe(idTimes)}"));

        // Career paths: nearest roles are remembered per index as they are first asked for, so the first pass over the
        // pairs fills the memo as a freshly started service would; the second finds every list remembered.
        foreach (var (from, to) in pairs.Take(20))
        {
            CareerPath(graph, similarity, from, to);
        }

        var found = 0;
        var first = new double[pairs.Count];
        var again = new double[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            found += CareerPath(graph, similarity, pairs[i].From, pairs[i].To).Count > 0 ? 1 : 0;
            first[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            CareerPath(graph, similarity, pairs[i].From, pairs[i].To);
            again[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  careerPath (maxSteps {CareerPaths.DefaultMaxSteps}, first {CareerPaths.DefaultFirst}, default options, similarity index): {(double)found / pairs.Count:P1} with a path; " +
            $"ms first pass {Describe(first)}; nearest all remembered {Describe(again)}"));
    }

    private static IReadOnlyList<GraphPath> ShortestPath(GraphSnapshot graph, int from, int to, PathOrder order) =>
        ShortestPaths.Find(graph, from, to, PathQuery.DefaultMaxHops, null, PathQuery.DefaultFirst, order, RoleHolders.Of(graph));

    private static IReadOnlyList<CareerPath> CareerPath(GraphSnapshot graph, RoleSimilarityIndex similarity, int from, int to) =>
        CareerPaths.Find(graph, similarity.NearestRemembered, from, to, CareerPaths.DefaultMaxSteps, CareerPaths.DefaultFirst, CareerPathOptions.Default);

    /// <summary>Skills, tools and responsibilities held by more than <see cref="HubShare"/> of the roles.</summary>
    private static HashSet<int> Hubs(GraphSnapshot graph, RoleHolders holders)
    {
        var hubs = new HashSet<int>();
        foreach (var kind in (ReadOnlySpan<NodeKind>)[NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility])
        {
            foreach (var node in graph.OfKind(kind))
            {
                if (holders.Holding(node) > HubShare * holders.RoleCount)
                {
                    hubs.Add(node);
                }
            }
        }

        return hubs;
    }

    /// <summary>Whether a node between the path's ends is a hub.</summary>
    private static bool ThroughHub(GraphSnapshot graph, GraphPath path, HashSet<int> hubs)
    {
        for (var i = 1; i < path.Nodes.Count - 1; i++)
        {
            if (graph.TryGetIndex(path.Nodes[i].Id, out var node) && hubs.Contains(node))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(double[] times)
    {
        var sorted = times.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):0.###}, p90 {At(0.9):0.###}, max {sorted[^1]:0.###}");
    }
}
