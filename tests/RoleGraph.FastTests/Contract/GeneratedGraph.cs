using System.Globalization;
using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// A deterministic graph of a few thousand nodes for the store contract: 300 roles, 1500 skills, 500 tools,
/// 800 responsibilities and 40 categories in a subcategory tree, drawn with a seeded <see cref="Random"/>.
/// Names come from small vocabularies so many of them tie (also case-insensitively: some are upper-cased), a few
/// are not ASCII; popular skills are drawn more often so some nodes are hubs. A few nodes are placed on purpose
/// so tests know facts about them without asking a store (see the named members).
/// </summary>
internal static class GeneratedGraph
{
    public const int RandomSeed = 20_260_611;
    public const int RoleCount = 300;
    public const int SkillCount = 1500;
    public const int ToolCount = 500;
    public const int ResponsibilityCount = 800;
    public const int CategoryCount = 40;
    public const int RootCategoryCount = 8;
    public const string SourceName = "Generated contract graph";

    public static string Role(int i) => $"role-{i:0000}";
    public static string Skill(int i) => $"skill-{i:0000}";
    public static string Tool(int i) => $"tool-{i:000}";
    public static string Responsibility(int i) => $"resp-{i:0000}";
    public static string Category(int i) => $"category-{i:00}";

    /// <summary>A skill no link touches: no path reaches it.</summary>
    public static readonly string IsolatedSkill = Skill(SkillCount - 1);

    /// <summary>A category no link touches.</summary>
    public static readonly string IsolatedCategory = Category(CategoryCount - 1);

    /// <summary>The role the twins copy.</summary>
    public static readonly string Original = Role(0);

    /// <summary>Two roles with exactly the links of <see cref="Original"/> and the same name as each other.</summary>
    public static readonly string TwinA = Role(297);

    public static readonly string TwinB = Role(298);

    public const string TwinName = "Mirror Twin Analyst";

    /// <summary>A role with responsibilities only: no skills, no tools.</summary>
    public static readonly string RoleWithoutSkillsOrTools = Role(299);

    public static TaxonomyDocument Document => Lazy.Value;

    private static readonly Lazy<TaxonomyDocument> Lazy = new(Build);

    private static readonly string[] Adjectives =
    [
        "Applied", "Advanced", "Basic", "Distributed", "Statistical", "Practical", "Modern", "Classical", "Scalable",
        "Secure", "Visual", "Quantitative", "Naïve", "Real-time", "Cloud", "Embedded",
    ];

    private static readonly string[] Topics =
    [
        "Analytics", "Python", "Machine learning", "Data modelling", "A/B testing", "C++", "CI/CD", "Node.js", "SQL",
        "Testing", "Networking", "Security", "Forecasting", "Optimization", "Visualization", "Data mining",
        "Façade design", "Kubernetes", "Compilers", "Signal processing", "Linear algebra", "Probability", "Go",
        "Rust", "Scheduling", "Search", "Caching", "Storage", "Streaming", "Reporting", "Ökonometrie", "R",
    ];

    private static readonly string[] Brands =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne",
        "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture", "Black Mesa", "Monarch", "Nakatomi", "Pied Piper",
        "Dunder", "Zorg", "Blue Sun", "Massive", "Virtucon", "Ümlaut",
    ];

    private static readonly string[] ToolSuffixes = ["Studio", "Cloud", "DB", "Pro", "Lite", "Hub", "Flow", "Kit"];

    private static readonly string[] Verbs =
    [
        "Maintain", "Design", "Review", "Monitor", "Document", "Automate", "Plan", "Test", "Deploy", "Analyze",
        "Report on", "Coordinate", "Secure", "Optimize", "Migrate", "Audit", "Train staff on", "Budget for",
        "Negotiate", "Support",
    ];

    private static readonly string[] Objects =
    [
        "data pipelines", "release schedules", "customer dashboards", "model quality", "incident response",
        "cloud costs", "access policies", "test plans", "the data warehouse", "vendor contracts", "api contracts",
        "training material", "experiment results", "service levels", "backlog priorities", "build systems",
        "feature flags", "log retention", "capacity forecasts", "user research", "privacy reviews",
        "on-call rotations", "architecture records", "hiring loops", "quarterly reports",
    ];

    private static readonly string[] Seniorities = ["Junior", "Senior", "Lead", "Principal", "Staff", "Associate"];

    private static readonly string[] Fields =
    [
        "Data", "Platform", "Security", "Machine Learning", "Cloud", "Frontend", "Backend", "Reliability", "Analytics", "Quality",
    ];

    private static readonly string[] Titles = ["Engineer", "Analyst", "Architect", "Scientist", "Manager", "Consultant"];

    private static readonly string[] CategoryNames =
    [
        "Technology", "Programming languages", "Data", "Machine learning", "Cloud platforms", "Business", "Security",
        "Infrastructure", "Analytics", "Visualization", "Testing", "Operations", "Mathematics", "Statistics",
        "Networking", "Databases", "Frontend", "Backend", "Mobile", "Embedded systems", "Design", "Management",
        "Communication", "Finance", "Compliance", "Research", "Tooling", "Automation", "Observability", "Storage",
        "Streaming", "Search", "Languages", "Methods",
    ];

    private static readonly double?[] SkillImportances = [null, 0.2, 0.25, 0.4, 0.5, 0.6, 0.6, 0.75, 0.8, 1.0, 1.0];

    private static readonly double?[] ToolImportances = [null, 0.3, 0.5, 0.6, 0.9, 1.0];

    private static readonly string[] Domains = ["engineering", "science", "business", "operations"];

    private static TaxonomyDocument Build()
    {
        var random = new Random(RandomSeed);
        var nodes = new List<GraphNode>();
        var links = new List<GraphLink>();

        for (var i = 0; i < CategoryCount; i++)
        {
            // 34 names for 40 categories: the last six repeat the first six.
            var name = CategoryNames[i % CategoryNames.Length];
            nodes.Add(Node(Category(i), NodeKind.Category, name, i % 4 == 0 ? $"Generated category {i}." : null, [], []));
            if (i >= RootCategoryCount && i < CategoryCount - 1)
            {
                links.Add(new GraphLink(Category(i), Category(random.Next(0, i)), RelationKind.SubcategoryOf));
            }
        }

        for (var i = 0; i < SkillCount; i++)
        {
            var adjective = Adjectives[random.Next(Adjectives.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var name = i % 97 == 13 ? $"{adjective} {topic}".ToUpperInvariant() : $"{adjective} {topic}";
            var aliases = random.NextDouble() switch
            {
                < 0.2 => [$"{topic} ({adjective[..3].ToLowerInvariant()})"],
                < 0.3 => new[] { $"{topic} ({adjective[..3].ToLowerInvariant()})", $"{adjective[..3]}. {topic}" },
                _ => [],
            };
            var properties = (i % 5, i % 7) switch
            {
                (0, 0) => new Dictionary<string, string> { ["domain"] = Domains[i % Domains.Length], ["rarity"] = "rare" },
                (0, _) => new Dictionary<string, string> { ["domain"] = Domains[i % Domains.Length] },
                _ => [],
            };
            nodes.Add(Node(Skill(i), NodeKind.Skill, name, i % 3 == 0 ? $"Generated skill {i}: {adjective.ToLowerInvariant()} work with {topic}." : null, aliases, properties));
        }

        for (var i = 0; i < ToolCount; i++)
        {
            var brand = Brands[random.Next(Brands.Length)];
            var suffix = ToolSuffixes[random.Next(ToolSuffixes.Length)];
            nodes.Add(Node(Tool(i), NodeKind.Tool, $"{brand} {suffix}", i % 4 == 1 ? $"Generated tool {i}." : null, i % 3 == 0 ? [brand] : [], []));
        }

        for (var i = 0; i < ResponsibilityCount; i++)
        {
            var name = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}";
            nodes.Add(Node(Responsibility(i), NodeKind.Responsibility, name, null, [], []));
        }

        for (var i = 0; i < RoleCount; i++)
        {
            var field = Fields[random.Next(Fields.Length)];
            var title = Titles[random.Next(Titles.Length)];
            var seniority = Seniorities[random.Next(Seniorities.Length)];
            var name = Role(i) == TwinA || Role(i) == TwinB ? TwinName : $"{seniority} {field} {title}";
            var properties = new Dictionary<string, string> { [WellKnownProperties.PrimaryFocus] = $"{field} work at {seniority.ToLowerInvariant()} level" };
            if (i % 4 == 0)
            {
                properties["onetSoc"] = string.Create(CultureInfo.InvariantCulture, $"15-{1200 + i}.00");
            }

            nodes.Add(Node(Role(i), NodeKind.Role, name, i % 2 == 0 ? $"Generated role {i}." : null, i % 3 == 0 ? [$"{field} {title}"] : [], properties));
        }

        // What roles need: popular skills (low indexes) are drawn more often; the isolated skill never.
        for (var i = 0; i < RoleCount; i++)
        {
            var role = Role(i);
            if (role == TwinA || role == TwinB)
            {
                continue;
            }

            if (role != RoleWithoutSkillsOrTools)
            {
                foreach (var skill in Distinct(random, random.Next(6, 26), SkillCount - 1))
                {
                    var level = random.Next(2) == 0 ? (double?)null : random.Next(1, 21) / 20.0;
                    links.Add(new GraphLink(role, Skill(skill), RelationKind.Requires, SkillImportances[random.Next(SkillImportances.Length)], level));
                }

                foreach (var tool in Distinct(random, random.Next(1, 9), ToolCount))
                {
                    links.Add(new GraphLink(role, Tool(tool), RelationKind.Uses, ToolImportances[random.Next(ToolImportances.Length)]));
                }
            }

            foreach (var responsibility in Distinct(random, random.Next(2, 11), ResponsibilityCount))
            {
                links.Add(new GraphLink(role, Responsibility(responsibility), RelationKind.ResponsibleFor));
            }
        }

        foreach (var link in links.Where(l => l.FromId == Original).ToList())
        {
            links.Add(link with { FromId = TwinA });
            links.Add(link with { FromId = TwinB });
        }

        for (var i = 0; i < ToolCount; i++)
        {
            foreach (var skill in Distinct(random, random.Next(0, 4), SkillCount - 1))
            {
                links.Add(new GraphLink(Tool(i), Skill(skill), RelationKind.Supports));
            }

            links.Add(new GraphLink(Tool(i), Category(random.Next(0, CategoryCount - 1)), RelationKind.InCategory));
        }

        for (var i = 0; i < SkillCount - 1; i++)
        {
            foreach (var category in Distinct(random, random.Next(1, 3), CategoryCount - 1, skewed: false))
            {
                links.Add(new GraphLink(Skill(i), Category(category), RelationKind.InCategory));
            }
        }

        var related = new HashSet<(int, int)>();
        for (var attempt = 0; attempt < 700; attempt++)
        {
            var (a, b) = (random.Next(0, SkillCount - 1), random.Next(0, SkillCount - 1));
            if (a != b && !related.Contains((b, a)) && related.Add((a, b)))
            {
                links.Add(new GraphLink(Skill(a), Skill(b), RelationKind.RelatedTo));
            }
        }

        return new TaxonomyDocument([new TaxonomyHeader(SourceName, "1", "tests/RoleGraph.FastTests/Contract/GeneratedGraph.cs", "CC0-1.0")], nodes, links);
    }

    private static GraphNode Node(string id, NodeKind kind, string name, string? description, IReadOnlyList<string> aliases, Dictionary<string, string> properties) =>
        new(id, kind, name, description, aliases, properties.Count == 0 ? GraphNode.NoProperties : properties);

    /// <summary><paramref name="count"/> distinct indexes below <paramref name="bound"/>, low ones likelier when skewed.</summary>
    private static List<int> Distinct(Random random, int count, int bound, bool skewed = true)
    {
        var chosen = new List<int>();
        while (chosen.Count < Math.Min(count, bound))
        {
            var next = skewed ? (int)(Math.Pow(random.NextDouble(), 1.8) * bound) : random.Next(bound);
            if (!chosen.Contains(next))
            {
                chosen.Add(next);
            }
        }

        return chosen;
    }
}
