using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;
using RoleGraph.Importing.Onet;

namespace RoleGraph.Benchmarks;

/// <summary>
/// A graph to measure on, with the ids the operations use on it: five roles (the first two for the pairwise
/// operations) and a search text that matches a realistic share of names.
/// </summary>
public sealed record BenchDataset(string Name, TaxonomyDocument Document, IReadOnlyList<string> Roles, string SearchText)
{
    public int Nodes => Document.Nodes.Count;

    public int Links => Document.Links.Count;
}

/// <summary>
/// The datasets: the seed taxonomy, O*NET 29.3 through the real importer, and generated graphs of 1k to 1M links.
/// Each is made once per process (the benchmarks run in process, so every case of one dataset shares it).
/// </summary>
public static class Datasets
{
    /// <summary>Generated sizes by links; the largest is the issue's 10,000 roles / 50,000 skills and tools / 1,000,000 links.</summary>
    public static readonly IReadOnlyDictionary<string, int> Generated = new Dictionary<string, int>
    {
        ["gen-1k"] = 1_000,
        ["gen-10k"] = 10_000,
        ["gen-100k"] = 100_000,
        ["gen-1m"] = 1_000_000,
    };

    private static readonly Dictionary<string, BenchDataset> Cache = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static BenchDataset Get(string name)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(name, out var dataset))
            {
                dataset = name switch
                {
                    "seed" => Seed(),
                    "onet" => Onet(),
                    _ when Generated.TryGetValue(name, out var links) => Generate(name, links),
                    _ => throw new ArgumentException($"Unknown dataset '{name}'; known: seed, onet, {string.Join(", ", Generated.Keys)}."),
                };
                Cache[name] = dataset;
            }

            return dataset;
        }
    }

    public static bool OnetAvailable => Directory.Exists(BenchSettings.Current.OnetDirectory)
        && File.Exists(Path.Combine(BenchSettings.Current.OnetDirectory, "Occupation Data.txt"));

    public static TaxonomyDocument SeedDocument() => TaxonomyReader.ReadDirectory(Path.Combine(BenchSettings.Current.RepositoryRoot, "seed"));

    private static BenchDataset Seed() =>
        new("seed", SeedDocument(), ["machine-learning-engineer", "data-scientist"], "data");

    /// <summary>O*NET as a user gets it: the seed, then the import-onet verb's code path on top.</summary>
    private static BenchDataset Onet()
    {
        if (!OnetAvailable)
        {
            throw new InvalidOperationException($"O*NET is not at {BenchSettings.Current.OnetDirectory} (--onet PATH or ROLEGRAPH_ONET_DIR).");
        }

        using var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        store.ApplyAsync(GraphEdit.Import(SeedDocument(), ImportMode.Replace), dryRun: false, CancellationToken.None).GetAwaiter().GetResult();
        OnetStoreImport.ImportAsync(store, BenchSettings.Current.OnetDirectory, new OnetImportOptions(), dryRun: false, progress: null, CancellationToken.None)
            .GetAwaiter().GetResult();
        var document = store.ExportAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new BenchDataset(
            "onet",
            document,
            ["computer-and-information-research-scientists", "data-scientists", "software-developers", "statisticians", "database-architects"],
            "data");
    }

    private static readonly string[] Words =
    [
        "data", "cloud", "network", "security", "machine", "learning", "systems", "software", "quality", "process",
        "product", "design", "research", "sales", "market", "finance", "health", "clinical", "legal", "field",
        "service", "support", "platform", "mobile", "web", "embedded", "signal", "control", "test", "release",
        "risk", "audit", "supply", "logistics", "energy", "power", "civil", "structural", "chemical", "materials",
        "visual", "media", "content", "language", "model", "analytics", "operations", "infrastructure", "database", "interface",
    ];

    private static readonly string[] RoleTitles = ["Engineer", "Analyst", "Scientist", "Manager", "Specialist", "Architect", "Technician", "Consultant"];

    /// <summary>
    /// A deterministic graph of <paramref name="links"/> links: roles of 100 links each (60 REQUIRES with importance and
    /// level, 40 USES, half with importance), over skills and tools in a 3:2 ratio, one item per 20 links (250 at least).
    /// Items are drawn with a skew (index = n·u²), so some skills are shared by many roles, as in O*NET.
    /// </summary>
    public static BenchDataset Generate(string name, int links)
    {
        var random = new Random(links); // the same graph for the same size, on every machine
        var roles = Math.Max(2, links / 100);
        var items = Math.Max(250, links / 20);
        var skills = items * 3 / 5;
        var tools = items - skills;

        var nodes = new List<GraphNode>(roles + items);
        for (var r = 0; r < roles; r++)
        {
            nodes.Add(Node($"role-{r:D6}", NodeKind.Role, $"{Title(random)} {RoleTitles[random.Next(RoleTitles.Length)]} {r}", random));
        }

        for (var s = 0; s < skills; s++)
        {
            nodes.Add(Node($"skill-{s:D6}", NodeKind.Skill, $"{Title(random)} {s}", random));
        }

        for (var t = 0; t < tools; t++)
        {
            nodes.Add(Node($"tool-{t:D6}", NodeKind.Tool, $"{Title(random)} Suite {t}", random));
        }

        var result = new List<GraphLink>(roles * 100);
        var taken = new HashSet<int>();
        for (var r = 0; r < roles; r++)
        {
            var role = $"role-{r:D6}";
            Draw(60, skills, i => new GraphLink(role, $"skill-{i:D6}", RelationKind.Requires, Weight(random), Weight(random)));
            Draw(40, tools, i => new GraphLink(role, $"tool-{i:D6}", RelationKind.Uses, random.Next(2) == 0 ? Weight(random) : null));
        }

        void Draw(int count, int of, Func<int, GraphLink> make)
        {
            taken.Clear();
            while (taken.Count < Math.Min(count, of))
            {
                var u = random.NextDouble();
                var index = (int)(of * u * u);
                if (taken.Add(index))
                {
                    result.Add(make(index));
                }
            }
        }

        var header = new TaxonomyHeader($"Generated {name}", "1", "RoleGraph.Benchmarks", "generated");
        var document = new TaxonomyDocument([header], nodes, result);
        var step = Math.Max(1, roles / 5);
        return new BenchDataset(name, document, Enumerable.Range(0, 5).Select(i => $"role-{Math.Min(roles - 1, i * step):D6}").Distinct().ToArray(), "data");
    }

    private static GraphNode Node(string id, NodeKind kind, string name, Random random) =>
        new(id, kind, name, null, random.Next(4) == 0 ? [$"{Title(random)} alias"] : [], GraphNode.NoProperties);

    private static string Title(Random random) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase($"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}");

    private static double Weight(Random random) => Math.Round(random.NextDouble(), 3);
}
