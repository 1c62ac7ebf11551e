using System.Diagnostics;
using System.Globalization;
using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;

namespace RoleGraph.Benchmarks.Quality;

/// <summary>
/// Mode quality: how well similar roles agree with O*NET's analysts. On O*NET imported as a user gets it, for
/// every occupation of a Related Occupations file, the share of its related occupations (one tier) found in the top
/// 10 (recall@10, averaged over occupations) and the reciprocal rank of the first one found (MRR), for the old
/// weighted Jaccard and for <see cref="RoleSimilarityIndex"/> (with each facet alone too, and any weights asked
/// for), with the index's build time and the median time of one ten-result query; then, over the same related
/// pairs, how often the first shortest path goes through a hub and the times of shortestPaths and careerPath
/// (<see cref="PathQuality"/>).
/// </summary>
public static class QualityBenchmark
{
    private const int TopK = 10;

    /// <summary>The dev half of Related Occupations, beside the O*NET directory (../shared/datasets/onet-29.3-related-dev).</summary>
    public static string DefaultRelatedFile(string onetDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(onetDirectory)) ?? ".", "onet-29.3-related-dev", "Related Occupations (dev half).txt");

    public static int Run(string relatedPath, string tier, IReadOnlyList<string> weightSets)
    {
        var seed = Datasets.SeedDocument();
        var seedGraph = GraphSnapshot.Build(seed.Nodes, seed.Links);
        Console.WriteLine("On the seed alone:");
        Explain(RoleSimilarityIndex.Build(seedGraph, new SimilarityOptions()), seedGraph.OfKind(Core.Model.NodeKind.Role)[0], 3);
        Console.WriteLine();

        if (!File.Exists(relatedPath))
        {
            Console.WriteLine($"NOTE: quality skipped: no related-occupations file at {relatedPath} (give --related PATH).");
            return 0;
        }

        if (!Datasets.OnetAvailable)
        {
            Console.WriteLine($"NOTE: quality skipped: no O*NET 29.3 database at {BenchSettings.Current.OnetDirectory} (give --onet PATH or set ROLEGRAPH_ONET_DIR).");
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var data = Datasets.Get("onet");
        var graph = GraphSnapshot.Build(data.Document.Nodes, data.Document.Links);
        Console.WriteLine($"O*NET loaded in {clock.Elapsed.TotalSeconds:N1} s: {graph.NodeCount:N0} nodes, {graph.LinkCount:N0} links, {graph.OfKind(Core.Model.NodeKind.Role).Length} roles");

        var roleByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in graph.OfKind(Core.Model.NodeKind.Role))
        {
            if (graph[role].Property("onetSocCode") is { } code)
            {
                roleByCode[code] = role;
            }
        }

        var related = RelatedOccupations.Read(relatedPath, tier);
        var cases = related
            .Where(r => roleByCode.ContainsKey(r.Key))
            .Select(r => (Role: roleByCode[r.Key], Related: r.Value.Where(roleByCode.ContainsKey).Select(c => roleByCode[c]).ToHashSet()))
            .Where(c => c.Related.Count > 0)
            .ToArray();
        Console.WriteLine($"{Path.GetFileName(relatedPath)}: {cases.Length} occupations with {tier} related occupations in the graph ({related.Count} in the file), {cases.Sum(c => c.Related.Count)} pairs");
        Console.WriteLine();
        Console.WriteLine($"{"model",-36} {"recall@10",9} {"± se",6} {"MRR",6} {"build ms",9} {"query ms: median",18} {"p95",8}");

        var allRoles = graph.OfKind(Core.Model.NodeKind.Role).Length;
        var old = Measure(cases, role => Similarity.Rank(graph, role, allRoles).Select(r => IndexOf(graph, r.Role.Id)).ToArray());
        var oldQuery = Milliseconds(cases, role => Similarity.Rank(graph, role, TopK));
        Print("weighted Jaccard (Similarity, old)", old, null, oldQuery);

        var models = new List<(string Name, SimilarityOptions Options)> { ("index, default weights", new SimilarityOptions()) };
        models.Add(("  skills alone", new SimilarityOptions { ToolsWeight = 0, TextWeight = 0 }));
        models.Add(("  tools alone", new SimilarityOptions { SkillsWeight = 0, TextWeight = 0 }));
        models.Add(("  text alone", new SimilarityOptions { SkillsWeight = 0, ToolsWeight = 0 }));
        foreach (var set in weightSets)
        {
            models.Add(($"index, {set}", ParseWeights(set)));
        }

        foreach (var (name, options) in models)
        {
            var build = MedianBuildMilliseconds(graph, options);
            var index = RoleSimilarityIndex.Build(graph, options);
            var quality = Measure(cases, role => index.Nearest(role, allRoles).Select(n => n.Role).ToArray());
            var query = Milliseconds(cases, role => index.Rank(role, TopK));
            Print(name, quality, build, query);
        }

        Console.WriteLine();
        var defaults = RoleSimilarityIndex.Build(graph, new SimilarityOptions());
        foreach (var example in new[] { "machine-learning-engineer", "data-scientists", "software-developers", "registered-nurses" })
        {
            if (graph.TryGetIndex(example, out var role))
            {
                Explain(defaults, role, 3);
            }
        }

        Console.WriteLine();
        PathQuality.Run(graph, cases.SelectMany(c => c.Related.Select(r => (c.Role, r))).ToArray(), defaults, tier);

        Console.WriteLine();
        Console.WriteLine($"Measured in {clock.Elapsed.TotalSeconds:N1} s; query = one {TopK}-result ranking with explanations, over the {cases.Length} occupations; load average {LoadAverage()}.");
        return 0;
    }

    /// <summary>A role's most similar roles with their explanations, to read what a frontend would show.</summary>
    private static void Explain(RoleSimilarityIndex index, int role, int first)
    {
        Console.WriteLine($"Most similar to {index.Graph[role].Id}:");
        foreach (var ranked in index.Rank(role, first))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ranked.Node.Id} {ranked.Score:F3} ({string.Join(", ", ranked.Facets.Select(f => $"{f.Facet} {f.Cosine:F2}"))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    items: {string.Join(", ", ranked.SharedItems.Select(i => $"{i.Node.Name} {i.Contribution:F4}"))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    words: {string.Join(", ", ranked.SharedTerms.Select(t => $"{t.Word} {t.Contribution:F4}"))}"));
        }
    }

    /// <summary>The one-minute load average where the system reports it: timings on a busy machine read differently.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int IndexOf(GraphSnapshot graph, string id) => graph.TryGetIndex(id, out var i) ? i : -1;

    /// <summary>Mean recall@10 with its standard error (how far another sample of as many occupations could land), and MRR.</summary>
    private static (double Recall, double Error, double Mrr) Measure((int Role, HashSet<int> Related)[] cases, Func<int, int[]> ranking)
    {
        var recalls = new double[cases.Length];
        var mrr = 0.0;
        for (var i = 0; i < cases.Length; i++)
        {
            var (role, relatedRoles) = cases[i];
            var ranked = ranking(role);
            recalls[i] = (double)ranked.Take(TopK).Count(relatedRoles.Contains) / relatedRoles.Count;
            var first = Array.FindIndex(ranked, relatedRoles.Contains);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
        }

        var mean = recalls.Average();
        var variance = recalls.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, cases.Length - 1);
        return (mean, Math.Sqrt(variance / cases.Length), mrr / cases.Length);
    }

    private static (double Median, double P95) Milliseconds((int Role, HashSet<int> Related)[] cases, Func<int, object> query)
    {
        foreach (var (role, _) in cases.Take(20))
        {
            query(role); // warm-up: JIT and caches
        }

        var times = new double[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            query(cases[i].Role);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[times.Length / 2], times[times.Length * 95 / 100]);
    }

    private static double MedianBuildMilliseconds(GraphSnapshot graph, SimilarityOptions options)
    {
        RoleSimilarityIndex.Build(graph, options); // warm-up
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            RoleSimilarityIndex.Build(graph, options);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static void Print(string name, (double Recall, double Error, double Mrr) quality, double? build, (double Median, double P95) query) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {quality.Recall,9:F3} {quality.Error,6:F3} {quality.Mrr,6:F3} {(build is { } b ? b.ToString("F0", CultureInfo.InvariantCulture) : "-"),9} {query.Median,18:F3} {query.P95,8:F3}"));

    /// <summary>"skills=1,tools=0.5,text=2" into options; facets not named keep their defaults.</summary>
    public static SimilarityOptions ParseWeights(string set)
    {
        var options = new SimilarityOptions();
        foreach (var part in set.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.Split('=') is [var k, var v] ? (k.Trim(), double.Parse(v, CultureInfo.InvariantCulture)) : throw new ArgumentException($"'{part}' is not facet=weight.");
            switch (key)
            {
                case SimilarityFacets.Skills: options.SkillsWeight = value; break;
                case SimilarityFacets.Tools: options.ToolsWeight = value; break;
                case SimilarityFacets.Text: options.TextWeight = value; break;
                default: throw new ArgumentException($"Unknown facet '{key}'; known: skills, tools, text.");
            }
        }

        return options;
    }
}
