using System.Diagnostics;
using System.Globalization;
using System.Text;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Services;
using RoleGraph.Importing.Onet;
using RoleGraph.Tests.Infrastructure;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>
/// Issue 11's figures for ranked paths and career paths on the whole O*NET 29.3 database, against O*NET's own list
/// of related occupations (Primary-Short tier of the dev half in <c>shared/datasets/onet-29.3-related-dev</c>):
/// the share of first shortest paths between related roles that go through a hub (an item held by more than a
/// quarter of the roles), in id order and in relevance order, and median query times. The figures are written to
/// the test output and to <c>$ROLEGRAPH_MEASURE_OUT</c> (default: path-measurement.txt in the temp directory);
/// times are asserted nowhere, the machine may be busy. Run in Release:
/// <c>dotnet test tests/RoleGraph.Tests -c Release --filter-class "*OnetPathMeasurementTests"</c>.
/// Skipped, with the reason, where the data is absent.
/// </summary>
public sealed class OnetPathMeasurementTests
{
    private const string RelatedDirectory = "onet-29.3-related-dev";
    private const string RelatedFile = "Related Occupations (dev half).txt";
    private const double HubShare = 0.25;

    private static readonly Lazy<GraphSnapshot> Graph = new(() =>
    {
        var document = Validate(OnetReader.Read(FullDatabaseDirectory!, new OnetImportOptions(), NoneExisting));
        return GraphSnapshot.Build(document.Nodes, document.Links);
    });

    private static string RelatedPath()
    {
        var path = FullDatabaseDirectory is null ? null : Path.Combine(Path.GetDirectoryName(FullDatabaseDirectory)!, RelatedDirectory, RelatedFile);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"The O*NET 29.3 database and {RelatedDirectory}/{RelatedFile} are not in shared/datasets beside {RepositoryFiles.Root} or above it.");
        }

        return path;
    }

    /// <summary>The Primary-Short pairs whose two occupations are both roles of the graph, in file order.</summary>
    private static List<(int From, int To)> RelatedPairs(GraphSnapshot graph, string path)
    {
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in graph.OfKind(NodeKind.Role))
        {
            if (graph[role].Property("onetSocCode") is { } code)
            {
                byCode[code] = role;
            }
        }

        var pairs = new List<(int, int)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 5 && columns[4] == "Primary-Short"
                && byCode.TryGetValue(columns[0], out var from) && byCode.TryGetValue(columns[2], out var to))
            {
                pairs.Add((from, to));
            }
        }

        return pairs;
    }

    [Fact]
    public void First_paths_between_related_roles_avoid_hubs_and_both_queries_are_fast()
    {
        var related = RelatedPath();
        var database = FullDatabaseDirectory!;
        var graph = Graph.Value;
        var pairs = RelatedPairs(graph, related);
        Assert.True(pairs.Count > 1000, $"only {pairs.Count} related pairs");

        var holders = RoleHolders.Of(graph);
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

        bool ThroughHub(GraphPath path) => path.Nodes.Skip(1).SkipLast(1).Any(n => hubs.Contains(graph.NodeIndex("path", n.Id)));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"O*NET {database}: {holders.RoleCount} roles, {graph.NodeCount} nodes, {graph.LinkCount} links; {hubs.Count} hubs (held by > {HubShare:P0} of roles)");
        report.AppendLine(CultureInfo.InvariantCulture, $"related pairs (Primary-Short, dev half): {pairs.Count}; load: {File.ReadAllText("/proc/loadavg").Trim()}");

        // Warm up (JIT, tiered compilation), then one timed pass per order.
        foreach (var (from, to) in pairs.Take(200))
        {
            ShortestPaths.Find(graph, from, to, 4, null, 10, PathOrder.Relevance);
            ShortestPaths.Find(graph, from, to, 4, null, 10, PathOrder.Id);
        }

        int oldHub = 0, newHub = 0, withPath = 0, shareSpecific = 0;
        var relevanceTimes = new List<double>(pairs.Count);
        var idTimes = new List<double>(pairs.Count);
        foreach (var (from, to) in pairs)
        {
            var start = Stopwatch.GetTimestamp();
            var byId = ShortestPaths.Find(graph, from, to, 4, null, 10, PathOrder.Id);
            idTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            var ranked = ShortestPaths.Find(graph, from, to, 4, null, 10, PathOrder.Relevance);
            relevanceTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            if (ranked.Count == 0)
            {
                continue;
            }

            withPath++;
            oldHub += ThroughHub(byId[0]) ? 1 : 0;
            newHub += ThroughHub(ranked[0]) ? 1 : 0;
            shareSpecific += ShareNonHub(graph, from, to, hubs) ? 1 : 0;
        }

        var oldShare = (double)oldHub / withPath;
        var newShare = (double)newHub / withPath;
        report.AppendLine(CultureInfo.InvariantCulture, $"pairs with a path: {withPath}; sharing a non-hub item: {(double)shareSpecific / withPath:P1}");
        report.AppendLine(CultureInfo.InvariantCulture, $"first path through a hub: id order {oldShare:P1} ({oldHub}), relevance {newShare:P1} ({newHub})");
        report.AppendLine(CultureInfo.InvariantCulture, $"shortestPaths (first 10, maxHops 4) ms: relevance {Describe(relevanceTimes)}; id order {Describe(idTimes)}");

        MeasureCareerPaths(graph, pairs, report);

        var text = report.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.WriteAllText(Environment.GetEnvironmentVariable("ROLEGRAPH_MEASURE_OUT") ?? Path.Combine(Path.GetTempPath(), "path-measurement.txt"), text);

        Assert.True(newShare <= 0.10, text);
    }

    private static bool ShareNonHub(GraphSnapshot graph, int a, int b, HashSet<int> hubs)
    {
        var held = new HashSet<int>();
        foreach (var adjacent in graph.Neighbors(a))
        {
            if (adjacent.Outgoing && !hubs.Contains(adjacent.Node))
            {
                held.Add(adjacent.Node);
            }
        }

        foreach (var adjacent in graph.Neighbors(b))
        {
            if (adjacent.Outgoing && held.Contains(adjacent.Node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Career paths with weighted Jaccard (<see cref="Similarity.Rank"/>) standing in for the similarity index: once
    /// with the stand-in computed on every call (a slow nearest), once from a cache of it (the search alone), over
    /// every tenth related pair and as many pairs of roles drawn at random (mostly far apart).
    /// </summary>
    private static void MeasureCareerPaths(GraphSnapshot graph, List<(int From, int To)> related, StringBuilder report)
    {
        var roles = graph.OfKind(NodeKind.Role).ToArray();
        var random = new Random(11);
        var sampled = related.Where((_, i) => i % 10 == 0).ToList();
        List<(int From, int To)> far = sampled.Select(_ => (roles[random.Next(roles.Length)], roles[random.Next(roles.Length)])).Where(p => p.Item1 != p.Item2).ToList();

        var calls = 0;
        IReadOnlyList<(int Role, double Score)> Jaccard(int role, int k)
        {
            calls++;
            return Similarity.Rank(graph, role, k).Select(s => (graph.NodeIndex("role", s.Role.Id), s.Score)).ToArray();
        }

        var cache = new Dictionary<(int, int), IReadOnlyList<(int Role, double Score)>>();
        IReadOnlyList<(int Role, double Score)> Cached(int role, int k)
        {
            if (!cache.TryGetValue((role, k), out var rows))
            {
                rows = Jaccard(role, k);
                cache[(role, k)] = rows;
            }

            return rows;
        }

        var options = CareerPathOptions.Default;
        report.AppendLine(CultureInfo.InvariantCulture, $"careerPath options: {options}; step scores: weighted Jaccard");
        foreach (var (name, pairs) in new[] { ("related", sampled), ("random", far) })
        {
            foreach (var (maxSteps, first) in new[] { (CareerPaths.DefaultMaxSteps, CareerPaths.DefaultFirst), (CareerPaths.MaxMaxSteps, CareerPaths.MaxFirst) })
            {
                // Fill the cache (and warm up), then time against it; then time with nearest computed on every call.
                foreach (var (from, to) in pairs)
                {
                    CareerPaths.Find(graph, Cached, from, to, maxSteps, first, options);
                }

                var cached = new List<double>();
                var found = 0;
                foreach (var (from, to) in pairs)
                {
                    var start = Stopwatch.GetTimestamp();
                    var paths = CareerPaths.Find(graph, Cached, from, to, maxSteps, first, options);
                    cached.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    found += paths.Count > 0 ? 1 : 0;
                }

                var live = new List<double>();
                var perQueryCalls = new List<double>();
                foreach (var (from, to) in pairs.Take(50))
                {
                    calls = 0;
                    var start = Stopwatch.GetTimestamp();
                    CareerPaths.Find(graph, Jaccard, from, to, maxSteps, first, options);
                    live.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    perQueryCalls.Add(calls);
                }

                var looser = pairs.Count(p => CareerPaths.Find(graph, Cached, p.From, p.To, maxSteps, first, options with { MinStepScore = 0.1 }).Count > 0);
                var forwardOnly = pairs.Count(p => CareerPaths.Find(graph, Cached, p.From, p.To, maxSteps, first, options with { IntoTargetFromItsNearest = false }).Count > 0);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"careerPath {name} pairs, maxSteps {maxSteps}, first {first}: {pairs.Count} queries, {(double)found / pairs.Count:P0} with a path ({(double)looser / pairs.Count:P0} at minStepScore 0.1, {(double)forwardOnly / pairs.Count:P0} stepping forwards only); " +
                    $"ms with cached nearest {Describe(cached)}; with nearest computed per call (50 queries) {Describe(live)}, nearest calls per query {Describe(perQueryCalls)}");
            }
        }

        // The scale of the stand-in's scores, which the minimum step score is set against.
        var lists = cache.Where(kv => kv.Key.Item2 == options.Neighbors && kv.Value.Count > 0).Select(kv => kv.Value).ToList();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"weighted Jaccard over {lists.Count} roles' {options.Neighbors} nearest: best {Describe(lists.Select(l => l[0].Score).ToList())}; " +
            $"last {Describe(lists.Select(l => l[^1].Score).ToList())}; time per nearest call {Describe(TimeNearest(graph, roles))} ms");
    }

    private static List<double> TimeNearest(GraphSnapshot graph, int[] roles)
    {
        var times = new List<double>();
        foreach (var role in roles.Where((_, i) => i % 10 == 0))
        {
            var start = Stopwatch.GetTimestamp();
            Similarity.Rank(graph, role, CareerPathOptions.DefaultNeighbors);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static string Describe(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):0.###}, p90 {At(0.9):0.###}, max {sorted[^1]:0.###}");
    }
}
