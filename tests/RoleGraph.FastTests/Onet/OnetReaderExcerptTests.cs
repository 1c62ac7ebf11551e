using RoleGraph.Core.Model;
using RoleGraph.Importing.Onet;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>The committed excerpt, read into an empty store: every expectation here is worked out from its rows.</summary>
public sealed class OnetReaderExcerptTests
{
    private const string Cirs = "computer-and-information-research-scientists";
    private const string Ds = "data-scientists";

    [Fact]
    public void The_header_carries_the_CC_BY_attribution()
    {
        var header = Excerpt.Taxonomy!;

        Assert.Equal(1, Excerpt.FormatVersion);
        Assert.Equal("O*NET 29.3", header.Name);
        Assert.Equal("29.3", header.Version);
        Assert.Equal("O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)", header.Source);
        Assert.Equal(
            "This includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). "
            + "Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.",
            header.License);
        Assert.Equal(header.Name, ExcerptGraph.Sources.Single().Name);
    }

    [Fact]
    public void The_excerpt_validates_and_holds_each_kind()
    {
        var graph = ExcerptGraph;

        Assert.Equal(4, graph.Count(NodeKind.Role));
        Assert.Equal(64, graph.Count(NodeKind.Skill)); // 35 skills + 33 knowledge areas, less 4 not relevant to the only rated occupation
        Assert.Equal(31, graph.Count(NodeKind.Responsibility)); // 15 + 16 task statements
        Assert.Equal(64, graph.Count(RelationKind.Requires));
        Assert.Equal(31, graph.Count(RelationKind.ResponsibleFor));
        Assert.Equal(Excerpt.Links!.Count, graph.Links.Count);
        Assert.Equal(Excerpt.Nodes!.Count, graph.Nodes.Count);
    }

    [Fact]
    public void Occupations_become_roles_with_code_description_and_alternate_titles()
    {
        var role = ExcerptGraph.Node(Cirs);

        Assert.Equal(NodeKind.Role, role.Kind);
        Assert.Equal("Computer and Information Research Scientists", role.Name);
        Assert.StartsWith("Conduct research into fundamental computer and information science", role.Description, StringComparison.Ordinal);
        Assert.Equal("15-1221.00", role.Property("onetSocCode"));

        // Most sources first (5, 3, 2, 2), then file order; a short title follows its alternate title.
        Assert.Equal(
            ["Computer Scientist", "Information Scientist", "Control System Computer Scientist", "Research Scientist",
             "AI Engineer (Artificial Intelligence Engineer)", "AI Engineer", "Applied Scientist"],
            role.Aliases.Take(7));
        Assert.Equal(33, role.Aliases.Count); // 28 alternate titles + 5 short titles
        Assert.Contains("Machine Learning Engineer", role.Aliases);
        Assert.Contains("Machine Learning Engineer", ExcerptGraph.Node(Ds).Aliases);
        Assert.Equal(["Assistant Cook", "Falafel Cart Cook", "Fraternity House Cook"], ExcerptGraph.Node("cooks-all-other").Aliases);
    }

    [Fact]
    public void The_title_itself_is_no_alias()
    {
        var ds = ExcerptGraph.Node(Ds);

        Assert.DoesNotContain(ds.Aliases, a => a.Equals("Data Scientists", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Data Scientist", ds.Aliases);
        Assert.Equal(ds.Aliases.Count, ds.Aliases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    // CIRS rows: Programming IM 3.62, LV 4.5; Mathematics (skill) IM 3.38, LV 4.38; Mathematics (knowledge) IM 4.06, LV 5.43.
    // importance = (IM - 1) / 4, level = LV / 7, rounded to 3 decimals.
    [InlineData("programming", 0.655, 0.643)]
    [InlineData("mathematics", 0.595, 0.626)]
    [InlineData("mathematics-knowledge", 0.765, 0.776)]
    [InlineData("reading-comprehension", 0.688, 0.643)] // IM 3.75, LV 4.5: (3.75 - 1) / 4 = 0.6875, a midpoint, rounds away from zero
    public void Importance_and_level_are_the_IM_and_LV_ratings_scaled_to_0_1(string skill, double importance, double level)
    {
        var link = ExcerptGraph.Link(Cirs, RelationKind.Requires, skill);

        Assert.Equal(importance, link.Importance!.Value, 9);
        Assert.Equal(level, link.Level!.Value, 9);
    }

    [Fact]
    public void A_level_O_NET_recommends_to_suppress_is_left_out_but_the_link_stays()
    {
        // Medicine and Dentistry: IM 1.38 (not suppressed), LV 1.03 with Recommend Suppress = Y.
        var link = ExcerptGraph.Link(Cirs, RelationKind.Requires, "medicine-and-dentistry");

        Assert.Equal(0.095, link.Importance!.Value, 9);
        Assert.Null(link.Level);
    }

    [Fact]
    public void Elements_marked_not_relevant_are_not_required()
    {
        var required = ExcerptGraph.Targets(Cirs, RelationKind.Requires);

        // Installation, Equipment Maintenance, Repairing (skills) and Food Production (knowledge) have Not Relevant = Y.
        foreach (var id in new[] { "installation", "equipment-maintenance", "repairing", "food-production" })
        {
            Assert.DoesNotContain(id, required);
            Assert.False(ExcerptGraph.Has(id), $"'{id}' is reached by no kept occupation and should not be a node.");
        }

        Assert.Contains("troubleshooting", required);
    }

    [Fact]
    public void Data_scientists_have_tasks_and_tools_but_no_ratings_in_29_3()
    {
        Assert.Empty(ExcerptGraph.Targets(Ds, RelationKind.Requires));
        Assert.Equal(16, ExcerptGraph.Targets(Ds, RelationKind.ResponsibleFor).Length);
        Assert.Contains("python", ExcerptGraph.Targets(Ds, RelationKind.Uses));
    }

    [Fact]
    public void Skills_sit_in_their_content_model_categories_up_to_the_root()
    {
        var graph = ExcerptGraph;

        Assert.Equal(["technical-skills", "cross-functional-skills", "worker-requirements"], graph.CategoryChain("programming"));
        Assert.Equal(["content", "basic-skills", "worker-requirements"], graph.CategoryChain("mathematics"));
        Assert.Equal(["mathematics-and-science", "knowledge", "worker-requirements"], graph.CategoryChain("mathematics-knowledge"));

        var programming = graph.Node("programming");
        Assert.Equal("Writing computer programs for various purposes.", programming.Description);
        Assert.Equal("2.B.3.e", programming.Property("onetElementId"));

        var technical = graph.Node("technical-skills");
        Assert.Equal(NodeKind.Category, technical.Kind);
        Assert.Equal("Technical Skills", technical.Name);
        Assert.Equal("2.B.3", technical.Property("onetElementId"));
    }

    [Fact]
    public void Tools_sit_in_their_commodity_category_nested_in_the_UNSPSC_hierarchy()
    {
        var graph = ExcerptGraph;

        Assert.Equal(
            ["object-or-component-oriented-development-software", "development-software", "software", "information-technology-broadcasting-and-telecommunications"],
            graph.CategoryChain("python"));

        var commodity = graph.Node("object-or-component-oriented-development-software");
        Assert.Equal("Object or component oriented development software", commodity.Name);
        Assert.Equal("43232405", commodity.Property("unspscCode"));
        Assert.Equal("Commodity", commodity.Property("unspscLevel"));
        Assert.Equal("Segment", graph.Node("information-technology-broadcasting-and-telecommunications").Property("unspscLevel"));

        // Tools Used rows too: "Web servers" and "File servers" are both Computer servers (43211501).
        Assert.Equal(["file-servers", "web-servers"], graph.Sources(RelationKind.InCategory, "computer-servers"));
    }

    [Fact]
    public void Python_is_a_tool_both_scientists_use_without_importance()
    {
        var python = ExcerptGraph.Node("python");

        Assert.Equal(NodeKind.Tool, python.Kind);
        Assert.Equal("Python", python.Name);
        Assert.Equal([Cirs, Ds], ExcerptGraph.Sources(RelationKind.Uses, "python"));
        Assert.All(ExcerptGraph.Links.Where(l => l.Relation == RelationKind.Uses), l => Assert.Null(l.Importance));
    }

    [Theory]
    // Rows (hot, in demand): Python CIRS Y/Y, DS Y/Y; Microsoft Excel CIRS Y/N, DS Y/Y; pandas CIRS N/Y, DS N/Y; Keras DS N/N.
    [InlineData("python", "true", "true", "15-1221.00,15-2051.00")]
    [InlineData("microsoft-excel", "true", "true", "15-2051.00")]
    [InlineData("pandas", "false", "true", "15-1221.00,15-2051.00")]
    [InlineData("keras", "false", "false", null)]
    public void Hot_technology_and_in_demand_are_aggregated_on_the_tool(string tool, string hot, string inDemand, string? inDemandFor)
    {
        var node = ExcerptGraph.Node(tool);

        Assert.Equal(hot, node.Property("hotTechnology"));
        Assert.Equal(inDemand, node.Property("inDemand"));
        Assert.Equal(inDemandFor, node.Property("inDemandFor"));
    }

    [Fact]
    public void Tools_known_only_from_Tools_Used_carry_no_technology_flags()
    {
        var robots = ExcerptGraph.Node("articulated-robots");

        Assert.Equal("Articulated robots", robots.Name);
        Assert.Empty(robots.Properties);
        Assert.Equal(["pick-or-place-robots", "robotics", "industrial-process-machinery-and-equipment-and-supplies", "industrial-manufacturing-and-processing-machinery-and-accessories"],
            ExcerptGraph.CategoryChain("articulated-robots"));
    }

    [Fact]
    public void Task_statements_become_responsibilities_with_short_readable_ids()
    {
        var graph = ExcerptGraph;

        var design = graph.Node("design-computers-and-the-software-14633");
        Assert.Equal(NodeKind.Responsibility, design.Kind);
        Assert.Equal("Design computers and the software that runs them.", design.Name);
        Assert.Equal("14633", design.Property("onetTaskId"));
        Assert.Equal("Core", design.Property("taskType"));
        Assert.Equal("Supplemental", graph.Node("approve-prepare-monitor-and-adjust-14636").Property("taskType"));

        // Data Scientists' tasks have no Task Type in 29.3; a dangling "to" or "and" is dropped from the id.
        Assert.Null(graph.Node("write-new-functions-or-applications-21838").Property("taskType"));
        Assert.True(graph.Has("recommend-data-driven-solutions-21836"));
        Assert.True(graph.Has("apply-theoretical-expertise-14626"));

        Assert.Equal(15, graph.Targets(Cirs, RelationKind.ResponsibleFor).Length);
        Assert.Contains("design-computers-and-the-software-14633", graph.Targets(Cirs, RelationKind.ResponsibleFor));
        Assert.All(graph.Nodes.Where(n => n.Kind == NodeKind.Responsibility), n => Assert.True(n.Id.Length <= 47, n.Id));
    }

    [Fact]
    public void The_occupation_filter_keeps_only_what_the_kept_occupations_reach()
    {
        var file = OnetReader.Read(ExcerptDirectory, new OnetImportOptions(new HashSet<string> { DataScientists }), NoneExisting);
        var graph = Validate(file);

        Assert.Equal([Ds], graph.Nodes.Where(n => n.Kind == NodeKind.Role).Select(n => n.Id));
        Assert.Equal(0, graph.Count(NodeKind.Skill));
        Assert.Equal(16, graph.Count(NodeKind.Responsibility));
        Assert.Equal(86, graph.Count(NodeKind.Tool)); // Data Scientists' 86 Technology Skills rows, no Tools Used rows
        Assert.DoesNotContain(graph.Nodes, n => n.Id is "articulated-robots" or "worker-requirements" or "pick-or-place-robots");
        Assert.Equal("15-2051.00", graph.Node("pandas").Property("inDemandFor"));

        // Every node the filtered import has, the full import has under the same id and kind.
        foreach (var node in graph.Nodes)
        {
            Assert.Equal(ExcerptGraph.Node(node.Id).Kind, node.Kind);
        }
    }

    [Fact]
    public void In_demand_is_aggregated_over_the_kept_occupations_only()
    {
        var graph = Validate(OnetReader.Read(ExcerptDirectory, new OnetImportOptions(new HashSet<string> { ResearchScientists }), NoneExisting));

        var excel = graph.Node("microsoft-excel");
        Assert.Equal("true", excel.Property("hotTechnology"));
        Assert.Equal("false", excel.Property("inDemand"));
        Assert.Null(excel.Property("inDemandFor"));
    }

    [Fact]
    public void An_empty_filter_imports_nothing_but_the_header()
    {
        var file = OnetReader.Read(ExcerptDirectory, new OnetImportOptions(new HashSet<string>()), NoneExisting);

        Assert.Empty(file.Nodes!);
        Assert.Empty(file.Links!);
        Assert.Equal("O*NET 29.3", Validate(file).Sources.Single().Name);
    }

    [Fact]
    public void Unknown_occupation_codes_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OnetReader.Read(ExcerptDirectory, new OnetImportOptions(new HashSet<string> { DataScientists, "99-9999.00", "15-1252.00" }), NoneExisting));

        Assert.Equal("options", error.ParamName);
        Assert.Contains($"'{ExcerptDirectory}' has no occupations 15-1252.00, 99-9999.00 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_reports_each_file_from_zero_to_its_row_count()
    {
        var reports = new List<OnetProgress>();
        OnetReader.Read(ExcerptDirectory, new OnetImportOptions(), NoneExisting, new ImmediateProgress(reports.Add));

        Assert.Equal(OnetReader.RequiredFiles, reports.Select(r => r.Stage).Distinct());
        Assert.Contains(new OnetProgress("Task Statements.txt", 0, 31), reports);
        Assert.Contains(new OnetProgress("Task Statements.txt", 31, 31), reports);
        Assert.Contains(new OnetProgress("Technology Skills.txt", 236, 236), reports);
        Assert.All(reports.GroupBy(r => r.Stage), stage =>
        {
            Assert.Equal(0, stage.First().Done);
            Assert.Equal(stage.First().Total, stage.Last().Done);
        });
    }

    [Fact]
    public void The_excerpt_stays_small_and_carries_the_attribution()
    {
        var files = Directory.GetFiles(ExcerptDirectory);

        Assert.True(files.Sum(f => new FileInfo(f).Length) < 100_000, "The committed O*NET excerpt should stay under 100 KB.");
        var readme = File.ReadAllText(Path.Combine(ExcerptDirectory, "README.md"));
        Assert.Contains("This includes information from the O*NET 29.3 Database by the U.S. Department of Labor", readme, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", readme, StringComparison.Ordinal);
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool).</summary>
    private sealed class ImmediateProgress(Action<OnetProgress> report) : IProgress<OnetProgress>
    {
        public void Report(OnetProgress value) => report(value);
    }
}
