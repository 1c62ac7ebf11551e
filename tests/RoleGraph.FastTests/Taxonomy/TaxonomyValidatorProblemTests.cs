using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>
/// The validator's exact problems (JSON path and message, written out by hand) for defects whose consequences reach
/// past the item itself: a node refused for one reason must not stand in for a node when links are checked, sources
/// of an assembled taxonomy need names, and a merge's store nodes keep their kind.
/// </summary>
public sealed class TaxonomyValidatorProblemTests
{
    private const string File = "taxonomy.yaml";

    private static string[] Problems(string yaml, Func<string, NodeKind?>? existingKind = null) =>
        Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadText(File, yaml, TaxonomyFormat.Yaml, existingKind))
            .Problems.Select(p => $"{p.Path}: {p.Message}").ToArray();

    private static TaxonomyDocument Read(string yaml, Func<string, NodeKind?>? existingKind = null) =>
        TaxonomyReader.ReadText(File, yaml, TaxonomyFormat.Yaml, existingKind);

    [Fact]
    public void Every_source_of_an_assembled_taxonomy_needs_a_name()
    {
        const string yaml = """
            formatVersion: 1
            taxonomy: { name: Export }
            sources:
              - { name: First, version: "1" }
              - { version: "2" }
              - { name: "   ", license: CC0 }
            nodes:
              - { id: sql, kind: Skill, name: SQL }
            """;

        Assert.Equal(
            ["$.sources[1].name: Every source needs a name.", "$.sources[2].name: Every source needs a name."],
            Problems(yaml));
    }

    [Fact]
    public void An_assembled_taxonomy_records_its_sources_trimmed_instead_of_its_own_header()
    {
        const string yaml = """
            formatVersion: 1
            taxonomy: { name: Export of the graph }
            sources:
              - { name: " First ", version: "1", source: somewhere, license: CC0 }
              - { name: Second }
            nodes:
              - { id: sql, kind: Skill, name: SQL }
            """;

        var document = Read(yaml);

        Assert.Equal(
            [new TaxonomyHeader("First", "1", "somewhere", "CC0"), new TaxonomyHeader("Second", null, null, null)],
            document.Sources);
    }

    [Fact]
    public void A_taxonomy_without_sources_records_its_own_header_trimmed()
    {
        var document = Read(SampleTaxonomy.Yaml().Replace("name: Sample", "name: '  Sample  '", StringComparison.Ordinal));

        Assert.Equal([new TaxonomyHeader("Sample", "2.0", "Written for the tests", "CC0")], document.Sources);
    }

    public static TheoryData<string, string, string[]> RefusedNodesAreNotLinkEnds => new()
    {
        {
            "{ id: Bad_Id, kind: Skill, name: Bad }", "{ from: analyst, to: Bad_Id, relation: REQUIRES }",
            [
                "$.nodes[7].id: Id 'Bad_Id' is not a slug (lower-case letters and digits, single dashes between).",
                "$.links[5].to: No node has the id 'Bad_Id'.",
            ]
        },
        {
            "{ id: robot, kind: Robot, name: Robot }", "{ from: analyst, to: robot, relation: REQUIRES }",
            [
                "$.nodes[7].kind: Unknown kind 'Robot'; expected one of Role, Skill, Tool, Responsibility, Category.",
                "$.links[5].to: No node has the id 'robot'.",
            ]
        },
        {
            "{ id: blank, kind: Skill, name: '   ' }", "{ from: analyst, to: blank, relation: REQUIRES }",
            [
                "$.nodes[7].name: Missing name.",
                "$.links[5].to: No node has the id 'blank'.",
            ]
        },
        {
            // The second python is refused; the link still reaches the first one, a Skill.
            "{ id: python, kind: Tool, name: Python tool }", "{ from: analyst, to: python, relation: USES }",
            [
                "$.nodes[7].id: Duplicate id 'python': already used by a Skill at taxonomy.yaml $.nodes[1].",
                "$.links[5]: USES joins Role -> Tool, not Role 'analyst' -> Skill 'python'.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(RefusedNodesAreNotLinkEnds))]
    public void A_refused_node_is_no_end_for_links(string node, string link, string[] expected)
    {
        Assert.Equal(expected, Problems(SampleTaxonomy.Yaml(node, link)));
    }

    [Fact]
    public void A_node_may_not_change_the_kind_of_a_store_node_and_links_see_the_store_kind()
    {
        // The store holds python as a Tool; the file declares it a Skill and requires it.
        NodeKind? Store(string id) => id == "python" ? NodeKind.Tool : null;

        var problems = Problems(SampleTaxonomy.Yaml(), Store);

        Assert.Equal(
            [
                "$.nodes[1].id: The id 'python' belongs to a Tool in the store; it cannot also name a Skill.",
                "$.links[0]: REQUIRES joins Role -> Skill, not Role 'analyst' -> Tool 'python'.",
                "$.links[3]: SUPPORTS joins Tool -> Skill, not Tool 'pandas' -> Tool 'python'.",
            ],
            problems);
    }

    [Fact]
    public void Links_may_reach_store_nodes_of_the_right_kind()
    {
        NodeKind? Store(string id) => id == "spark" ? NodeKind.Tool : null;

        var document = Read(SampleTaxonomy.Yaml(extraLink: "{ from: analyst, to: spark, relation: USES, importance: 0.25 }"), Store);

        Assert.Equal(new GraphLink("analyst", "spark", RelationKind.Uses, 0.25), document.Links[^1]);
        Assert.DoesNotContain(document.Nodes, n => n.Id == "spark");
    }

    public static TheoryData<string, string[]> LinkDefects => new()
    {
        {
            // Every problem of one link, the wrong kinds not hiding the misplaced weights.
            "{ from: analyst, to: pandas, relation: SUPPORTS, importance: 0.5, level: 2 }",
            [
                "$.links[5]: SUPPORTS joins Tool -> Skill, not Role 'analyst' -> Tool 'pandas'.",
                "$.links[5].importance: SUPPORTS links carry no importance.",
                "$.links[5].level: SUPPORTS links carry no level.",
            ]
        },
        { "{ from: analyst, to: sql, relation: REQUIRES, level: -0.5 }", ["$.links[5].level: The level must be between 0 and 1; got -0.5."] },
        { "{ from: analyst, to: python, relation: REQUIRES }", ["$.links[5]: Duplicate link analyst -REQUIRES-> python."] },
        { "{ from: analyst, relation: REQUIRES }", ["$.links[5].to: Missing node id."] },
        { "{ to: sql, relation: REQUIRES }", ["$.links[5].from: Missing node id."] },
        { "{ from: analyst, to: sql, relation: KNOWS }", ["$.links[5].relation: Unknown relation 'KNOWS'; expected one of REQUIRES, USES, RESPONSIBLE_FOR, SUPPORTS, IN_CATEGORY, SUBCATEGORY_OF, RELATED_TO."] },
        {
            // An unknown relation does not stop the ends from being checked; problems come in the order of the text.
            "{ from: nobody, to: nothing, relation: KNOWS }",
            [
                "$.links[5].from: No node has the id 'nobody'.",
                "$.links[5].to: No node has the id 'nothing'.",
                "$.links[5].relation: Unknown relation 'KNOWS'; expected one of REQUIRES, USES, RESPONSIBLE_FOR, SUPPORTS, IN_CATEGORY, SUBCATEGORY_OF, RELATED_TO.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(LinkDefects))]
    public void A_link_defect_is_reported_with_its_exact_place_and_message(string link, string[] expected)
    {
        Assert.Equal(expected, Problems(SampleTaxonomy.Yaml(extraLink: link)));
    }

    [Fact]
    public void A_refused_link_does_not_count_as_given_and_a_symmetric_link_is_one_fact()
    {
        const string links = """
              - { from: analyst, to: sql, relation: REQUIRES, importance: 7 }
              - { from: analyst, to: sql, relation: REQUIRES, importance: 0.7 }
              - { from: python, to: sql, relation: RELATED_TO }
              - { from: sql, to: python, relation: RELATED_TO }
              - { from: python, to: sql, relation: RELATED_TO }
            """;

        var problems = Problems(SampleTaxonomy.Yaml() + links);

        Assert.Equal(
            [
                "$.links[5].importance: The importance must be between 0 and 1; got 7.",
                "$.links[8]: RELATED_TO is symmetric: python -RELATED_TO-> sql already says this.",
                "$.links[9]: Duplicate link python -RELATED_TO-> sql.",
            ],
            problems);
    }

    [Fact]
    public void A_valid_link_keeps_its_weights_and_a_node_its_trimmed_text()
    {
        const string node = "{ id: ' ', kind: Skill, name: X }";
        var extra = SampleTaxonomy.Yaml(
            "{ id: spark, kind: tool, name: '  Apache Spark ', description: '  Fast.  ', aliases: [' Spark ', spark, '', ' '], properties: { hot: 'yes' } }",
            "{ from: analyst, to: spark, relation: uses, importance: 0 }");

        var document = Read(extra);
        var spark = document.Nodes.Single(n => n.Id == "spark");

        Assert.Equal((NodeKind.Tool, "Apache Spark", "Fast."), (spark.Kind, spark.Name, spark.Description));
        Assert.Equal(["Spark"], spark.Aliases);
        Assert.Equal("yes", spark.Properties["hot"]);
        Assert.Equal(new GraphLink("analyst", "spark", RelationKind.Uses, 0), document.Links[^1]);
        Assert.Equal(["$.nodes[7].id: Id ' ' is not a slug (lower-case letters and digits, single dashes between)."], Problems(SampleTaxonomy.Yaml(node)));
    }
}
