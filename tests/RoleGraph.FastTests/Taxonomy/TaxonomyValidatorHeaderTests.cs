using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Taxonomy;

/// <summary>
/// The validator's taxonomy header and length limits, with exact problems (JSON path and message, written by hand):
/// a nameless taxonomy, an empty list of sources (which is no assembled taxonomy), and an overlong field, which
/// refuses the node so that links to it are refused too.
/// </summary>
public sealed class TaxonomyValidatorHeaderTests
{
    private const string File = "taxonomy.yaml";

    private static string[] Problems(string yaml) =>
        Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadText(File, yaml, TaxonomyFormat.Yaml))
            .Problems.Select(p => $"{p.File} {p.Path}: {p.Message}").ToArray();

    [Theory]
    [InlineData("taxonomy: { version: \"1\" }")]
    [InlineData("taxonomy: { name: \"  \" }")]
    public void Every_taxonomy_needs_a_name(string header)
    {
        var yaml = $"""
            formatVersion: 1
            {header}
            nodes:
              - {"{"} id: sql, kind: Skill, name: SQL {"}"}
            """;

        Assert.Equal(["taxonomy.yaml $.taxonomy.name: Every taxonomy needs a name."], Problems(yaml));
    }

    [Fact]
    public void A_file_with_an_empty_list_of_sources_keeps_its_own_header()
    {
        const string yaml = """
            formatVersion: 1
            taxonomy: { name: " Mine ", version: "2", source: here, license: CC0 }
            sources: []
            nodes:
              - { id: sql, kind: Skill, name: SQL }
            """;

        var document = TaxonomyReader.ReadText(File, yaml, TaxonomyFormat.Yaml);

        Assert.Equal([new TaxonomyHeader("Mine", "2", "here", "CC0")], document.Sources);
    }

    [Fact]
    public void An_overlong_name_refuses_the_node_and_links_to_it()
    {
        var name = new string('n', NodeRules.MaxNameLength + 1);
        var yaml = $"""
            formatVersion: 1
            taxonomy: {"{"} name: Test {"}"}
            nodes:
              - {"{"} id: analyst, kind: Role, name: Analyst {"}"}
              - {"{"} id: sql, kind: Skill, name: {name} {"}"}
            links:
              - {"{"} from: analyst, to: sql, relation: REQUIRES {"}"}
            """;

        Assert.Equal(
            [
                "taxonomy.yaml $.nodes[1].name: The name is 1001 characters long; at most 1000 are allowed.",
                "taxonomy.yaml $.links[0].to: No node has the id 'sql'.",
            ],
            Problems(yaml));
    }

    [Fact]
    public void A_name_of_the_greatest_length_is_accepted()
    {
        var name = new string('n', NodeRules.MaxNameLength);
        var yaml = $"""
            formatVersion: 1
            taxonomy: {"{"} name: Test {"}"}
            nodes:
              - {"{"} id: sql, kind: Skill, name: {name} {"}"}
            """;

        Assert.Equal(1000, Assert.Single(TaxonomyReader.ReadText(File, yaml, TaxonomyFormat.Yaml).Nodes).Name.Length);
    }
}
