using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Taxonomy;

public sealed class TaxonomyValidationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private TaxonomyValidationException Rejected(string yaml, string name = "taxonomy.yaml")
    {
        var path = _directory.Write(name, yaml);
        return Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadFiles([path]));
    }

    [Fact]
    public void The_sample_is_valid()
    {
        var document = TaxonomyReader.ReadFiles([_directory.Write("sample.yaml", SampleTaxonomy.Yaml())]);

        Assert.Equal(7, document.Nodes.Count);
        Assert.Equal(5, document.Links.Count);
        Assert.Equal(new GraphLink("analyst", "python", RelationKind.Requires, 0.9, 0.5), document.Links[0]);
    }

    public static TheoryData<string?, string?, string, string> SingleDefects => new()
    {
        // extra node, extra link, JSON path of the problem, part of its message
        { "{ id: Bad_Id, kind: Skill, name: X }", null, "$.nodes[7].id", "'Bad_Id' is not a slug" },
        { "{ id: two--dashes, kind: Skill, name: X }", null, "$.nodes[7].id", "'two--dashes' is not a slug" },
        { "{ id: -leading, kind: Skill, name: X }", null, "$.nodes[7].id", "not a slug" },
        { "{ id: trailing-, kind: Skill, name: X }", null, "$.nodes[7].id", "not a slug" },
        { "{ id: 'with space', kind: Skill, name: X }", null, "$.nodes[7].id", "not a slug" },
        { "{ kind: Skill, name: X }", null, "$.nodes[7].id", "Missing id" },
        { "{ id: robot, kind: Robot, name: X }", null, "$.nodes[7].kind", "Unknown kind 'Robot'" },
        { "{ id: robot, kind: '2', name: X }", null, "$.nodes[7].kind", "Unknown kind '2'" },
        { "{ id: robot, name: X }", null, "$.nodes[7].kind", "Unknown kind" },
        { "{ id: nameless, kind: Skill }", null, "$.nodes[7].name", "Missing name" },
        { "{ id: nameless, kind: Skill, name: '   ' }", null, "$.nodes[7].name", "Missing name" },
        { "{ id: python, kind: Tool, name: Python tool }", null, "$.nodes[7].id", "Duplicate id 'python': already used by a Skill" },
        { null, "{ from: analyst, to: scala, relation: REQUIRES }", "$.links[5].to", "No node has the id 'scala'" },
        { null, "{ from: nobody, to: sql, relation: REQUIRES }", "$.links[5].from", "No node has the id 'nobody'" },
        { null, "{ from: analyst, relation: REQUIRES }", "$.links[5].to", "Missing node id" },
        { null, "{ from: analyst, to: sql, relation: KNOWS }", "$.links[5].relation", "Unknown relation 'KNOWS'" },
        { null, "{ from: analyst, to: sql }", "$.links[5].relation", "Unknown relation" },
        { null, "{ from: sql, to: analyst, relation: REQUIRES }", "$.links[5]", "REQUIRES joins Role -> Skill, not Skill 'sql' -> Role 'analyst'" },
        { null, "{ from: analyst, to: sql, relation: USES }", "$.links[5]", "USES joins Role -> Tool" },
        { null, "{ from: languages, to: python, relation: IN_CATEGORY }", "$.links[5]", "IN_CATEGORY joins Skill|Tool -> Category" },
        { null, "{ from: analyst, to: sql, relation: REQUIRES, importance: 1.5 }", "$.links[5].importance", "between 0 and 1" },
        { null, "{ from: analyst, to: sql, relation: REQUIRES, importance: -0.1 }", "$.links[5].importance", "between 0 and 1" },
        { null, "{ from: analyst, to: sql, relation: REQUIRES, level: 1.01 }", "$.links[5].level", "between 0 and 1" },
        { null, "{ from: analyst, to: excel, relation: USES, importance: .nan }", "$.links[5].importance", "between 0 and 1" },
        { null, "{ from: pandas, to: sql, relation: SUPPORTS, importance: 0.5 }", "$.links[5].importance", "SUPPORTS links carry no importance" },
        { null, "{ from: analyst, to: excel, relation: USES, level: 0.5 }", "$.links[5].level", "USES links carry no level" },
        { null, "{ from: sql, to: languages, relation: IN_CATEGORY, level: 0.5 }", "$.links[5].level", "IN_CATEGORY links carry no level" },
        { null, "{ from: analyst, to: python, relation: REQUIRES, importance: 0.2 }", "$.links[5]", "Duplicate link analyst -REQUIRES-> python" },
        { null, "{ from: analyst, to: python, relation: requires }", "$.links[5]", "Duplicate link analyst -REQUIRES-> python" },
        { null, "{ from: python, to: python, relation: RELATED_TO }", "$.links[5].to", "cannot link to itself" },
        { "{ id: r, kind: Skill, name: R }", "{ from: python, to: r, relation: RELATED_TO }", "$.links[6]", "RELATED_TO is symmetric" },
    };

    [Theory]
    [MemberData(nameof(SingleDefects))]
    public void Each_defect_is_reported_at_its_json_path(string? extraNode, string? extraLink, string path, string message)
    {
        var yaml = SampleTaxonomy.Yaml(extraNode, extraLink);
        if (path == "$.links[6]")
        {
            // The reversed RELATED_TO case needs a second link: the extra one first, then its reverse.
            yaml = yaml.Replace($"  - {extraLink}", $"  - {extraLink}\n  - {{ from: r, to: python, relation: RELATED_TO }}", StringComparison.Ordinal);
        }

        var error = Rejected(yaml);

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);

        // The place is the offending item's line (the defect's own value, or the item when the value is absent).
        var defectLine = path == "$.links[6]" ? "  - { from: r, to: python" : $"  - {extraNode ?? extraLink}";
        var expectedLine = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith(defectLine, StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, problem.Line);
        Assert.InRange(problem.Column ?? 0, 3, defectLine.Length + 200);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(_directory.Combine("taxonomy.yaml"), problem.File);
        Assert.Contains($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ id: both, kind: 'Skill, Tool', name: Both }")]
    [InlineData("{ id: both, kind: 'Role,Category', name: Both }")]
    public void A_list_of_kinds_is_an_unknown_kind(string extraNode)
    {
        // Enum.TryParse reads "Skill, Tool" as the flags Skill | Tool, which is the value of Responsibility.
        var error = Rejected(SampleTaxonomy.Yaml(extraNode));

        Assert.Equal("$.nodes[7].kind", Assert.Single(error.Problems).Path);
    }

    [Theory]
    [InlineData("formatVersion: 2", "Unsupported format version 2")]
    [InlineData("formatVersion: 0", "Unsupported format version 0")]
    [InlineData("", "Missing")]
    public void A_missing_or_unknown_format_version_is_rejected(string versionLine, string message)
    {
        var header = SampleTaxonomy.Header.Replace("formatVersion: 1", versionLine, StringComparison.Ordinal);

        var problem = Assert.Single(Rejected(SampleTaxonomy.Yaml(header: header)).Problems);

        Assert.Equal("$.formatVersion", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taxonomy_without_a_name_is_rejected()
    {
        var header = SampleTaxonomy.Header.Replace("  name: Sample\n", "", StringComparison.Ordinal);

        Assert.Equal("$.taxonomy.name", Assert.Single(Rejected(SampleTaxonomy.Yaml(header: header)).Problems).Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string yaml = """
            formatVersion: 3
            taxonomy:
              version: "1"
            nodes:
              - { id: Analyst, kind: Role, name: Analyst }
              - { id: python, kind: Language, name: Python }
              - { id: sql, kind: Skill }
              - { id: role, kind: Role, name: Role }
              - { id: role, kind: Skill, name: Also role }
              - { id: tool, kind: Tool, name: Tool }
              - { id: cat, kind: Category, name: Category }
            links:
              - { from: role, to: nowhere, relation: REQUIRES }
              - { from: role, to: tool, relation: OWNS }
              - { from: tool, to: role, relation: USES }
              - { from: role, to: tool, relation: USES, importance: 2 }
              - { from: tool, to: cat, relation: IN_CATEGORY, importance: 0.5 }
              - { from: role, to: tool, relation: USES }
              - { from: role, to: tool, relation: USES }
              - { from: ghost, to: phantom, relation: SUPPORTS }
            """;

        var error = Rejected(yaml);

        Assert.Equal(
            [
                "$.formatVersion",
                "$.taxonomy.name",
                "$.nodes[0].id",
                "$.nodes[1].kind",
                "$.nodes[2].name",
                "$.nodes[4].id",
                "$.links[0].to",
                "$.links[1].relation",
                "$.links[2]",
                "$.links[3].importance",
                "$.links[4].importance",
                "$.links[6]",
                "$.links[7].from",
                "$.links[7].to",
            ],
            error.Problems.Select(p => p.Path));
        Assert.Contains("(14 problems)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_must_be_unique_across_files()
    {
        var first = _directory.Write("a.yaml", SampleTaxonomy.Yaml());
        var second = _directory.Write("b.yaml", """
            formatVersion: 1
            taxonomy: { name: Second }
            nodes:
              - { id: r, kind: Role, name: R }
              - { id: python, kind: Tool, name: Python }
            """);

        var problem = Assert.Single(Assert.Throws<TaxonomyValidationException>(() => TaxonomyReader.ReadFiles([first, second])).Problems);

        Assert.Equal((second, "$.nodes[1].id"), (problem.File, problem.Path));
        Assert.Contains(first, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_may_join_nodes_of_different_files()
    {
        _directory.Write("a.yaml", SampleTaxonomy.Yaml());
        _directory.Write("b.yml", """
            formatVersion: 1
            taxonomy: { name: Second }
            nodes:
              - { id: engineer, kind: Role, name: Engineer }
            links:
              - { from: engineer, to: python, relation: REQUIRES }
            """);
        _directory.Write("notes.txt", "not a taxonomy");
        _directory.Write("taxonomy.schema.json", "{ \"not\": \"a taxonomy\" }");

        var document = TaxonomyReader.ReadDirectory(_directory.Path);

        Assert.Equal(["Sample", "Second"], document.Sources.Select(s => s.Name));
        Assert.Equal(8, document.Nodes.Count);
        Assert.Contains(new GraphLink("engineer", "python", RelationKind.Requires), document.Links);
    }
}
