using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>importTaxonomy over HTTP: merge, replace, dry runs, idempotence, and invalid documents refused whole.</summary>
public sealed class ImportTaxonomyTests
{
    private const string Import = "mutation($document: String!, $format: TaxonomyFormat!, $mode: ImportMode, $dryRun: Boolean) { "
        + "importTaxonomy(document: $document, format: $format, mode: $mode, dryRun: $dryRun) { " + WriteRequests.ReportFields + " } }";

    /// <summary>Two new nodes, one updated seed node, and links to nodes the store already holds.</summary>
    private const string MergeYaml = """
        formatVersion: 1
        taxonomy:
          name: Data engineering
          license: CC0
        nodes:
          - id: data-engineer
            kind: Role
            name: Data Engineer
            properties: { primaryFocus: Pipelines }
          - { id: apache-spark, kind: Tool, name: Apache Spark, aliases: [Spark] }
          - { id: python, kind: Skill, name: Python, aliases: [Python programming, Py] }
        links:
          - { from: data-engineer, to: python, relation: REQUIRES, importance: 0.9, level: 0.5 }
          - { from: data-engineer, to: apache-spark, relation: USES }
          - { from: apache-spark, to: data-analysis, relation: SUPPORTS }
          - { from: data-scientist, to: apache-spark, relation: USES, importance: 0.3 }
        """;

    private const string MergeJson = """
        {
          "formatVersion": 1,
          "taxonomy": { "name": "Data engineering", "license": "CC0" },
          "nodes": [
            { "id": "data-engineer", "kind": "Role", "name": "Data Engineer", "properties": { "primaryFocus": "Pipelines" } },
            { "id": "apache-spark", "kind": "Tool", "name": "Apache Spark", "aliases": ["Spark"] },
            { "id": "python", "kind": "Skill", "name": "Python", "aliases": ["Python programming", "Py"] }
          ],
          "links": [
            { "from": "data-engineer", "to": "python", "relation": "REQUIRES", "importance": 0.9, "level": 0.5 },
            { "from": "data-engineer", "to": "apache-spark", "relation": "USES" },
            { "from": "apache-spark", "to": "data-analysis", "relation": "SUPPORTS" },
            { "from": "data-scientist", "to": "apache-spark", "relation": "USES", "importance": 0.3 }
          ]
        }
        """;

    /// <summary>A self-contained graph: what the store holds after a replace.</summary>
    private const string ReplaceYaml = """
        formatVersion: 1
        taxonomy: { name: Tiny, license: CC0 }
        nodes:
          - { id: data-scientist, kind: Role, name: Data Scientist }
          - { id: python, kind: Skill, name: Python, aliases: [Python programming] }
          - { id: sql, kind: Skill, name: SQL }
        links:
          - { from: data-scientist, to: python, relation: REQUIRES, importance: 0.6 }
          - { from: data-scientist, to: sql, relation: REQUIRES }
        """;

    [Theory]
    [InlineData(MergeYaml, "YAML")]
    [InlineData(MergeJson, "JSON")]
    public async Task A_merge_adds_and_updates_and_may_link_to_nodes_already_in_the_store(string document, string format)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();

        var report = (await client.QueryAsync(Import, new { document, format }))["importTaxonomy"]!;

        Assert.True((bool)report["changed"]!);
        Assert.False((bool)report["dryRun"]!);
        Assert.Equal((2, 1, 0, 0), report["nodes"]!.Counts());
        Assert.Equal((4, 0, 0, 0), report["links"]!.Counts());

        var data = await client.QueryAsync("""
            { role(id: "data-engineer") { name primaryFocus skills { skill { id } importance level } tools { tool { id } importance } }
              tool(id: "apache-spark") { aliases supports { id } roles { role { id } importance } }
              skill(id: "python") { aliases roles { role { id } } }
              roles { totalCount } }
            """);
        Assert.Equal("Pipelines", (string?)data["role"]!["primaryFocus"]);
        var requirement = Assert.Single(data["role"]!["skills"]!.AsArray())!;
        Assert.Equal("python", (string?)requirement["skill"]!["id"]);
        Assert.Equal(0.9, (double)requirement["importance"]!);
        Assert.Equal(0.5, (double)requirement["level"]!);
        Assert.Null(Assert.Single(data["role"]!["tools"]!.AsArray())!["importance"]);
        Assert.Equal(["Spark"], data["tool"]!["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["data-analysis"], data["tool"]!["supports"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal(["data-engineer", "data-scientist"], data["tool"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["Python programming", "Py"], data["skill"]!["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(3, data["skill"]!["roles"]!.AsArray().Count);
        Assert.Equal(WriteRequests.SeedCount(Core.Model.NodeKind.Role) + 1, (int)data["roles"]!["totalCount"]!);

        // A merge keeps what the document does not mention.
        Assert.NotNull((await client.QueryAsync("""{ tool(id: "tensorflow") { id } }"""))["tool"]);
    }

    [Theory]
    [InlineData(MergeYaml, "YAML", "MERGE")]
    [InlineData(MergeJson, "JSON", "MERGE")]
    [InlineData(ReplaceYaml, "YAML", "REPLACE")]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time(string document, string format, string mode)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var first = (await client.QueryAsync(Import, new { document, format, mode }))["importTaxonomy"]!;
        var afterFirst = await client.ExportAsync();

        var second = (await client.QueryAsync(Import, new { document, format, mode }))["importTaxonomy"]!;

        Assert.True((bool)first["changed"]!);
        Assert.False((bool)second["changed"]!);
        var (created, updated, unchanged, _) = first["nodes"]!.Counts();
        Assert.Equal((0, 0, created + updated + unchanged, 0), second["nodes"]!.Counts());
        var links = first["links"]!.Counts();
        Assert.Equal((0, 0, links.Created + links.Updated + links.Unchanged, 0), second["links"]!.Counts());
        Assert.Equal(afterFirst, await client.ExportAsync());
    }

    [Fact]
    public async Task Replace_removes_what_the_document_does_not_hold_and_counts_it()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var seed = WriteRequests.Seed;

        var report = (await client.QueryAsync(Import, new { document = ReplaceYaml, format = "YAML", mode = "REPLACE" }))["importTaxonomy"]!;

        // data-scientist loses its description, aliases and properties (updated); python is as seeded; sql is new.
        Assert.Equal((1, 1, 1, seed.Nodes.Count - 2), report["nodes"]!.Counts());
        // data-scientist -> python keeps its importance 0.6 (unchanged); -> sql is new; every other seeded link goes.
        Assert.Equal((1, 0, 1, seed.Links.Count - 1), report["links"]!.Counts());

        var data = await client.QueryAsync("""
            { roles { totalCount nodes { id description } } skills { nodes { id } } tools { totalCount }
              responsibilities { totalCount } categories { totalCount } }
            """);
        Assert.Equal("data-scientist", (string?)Assert.Single(data["roles"]!["nodes"]!.AsArray())!["id"]);
        Assert.Null(data["roles"]!["nodes"]![0]!["description"]);
        Assert.Equal(["python", "sql"], data["skills"]!["nodes"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal(0, (int)data["tools"]!["totalCount"]!);
        Assert.Equal(0, (int)data["responsibilities"]!["totalCount"]!);
        Assert.Equal(0, (int)data["categories"]!["totalCount"]!);
    }

    [Theory]
    [InlineData(MergeYaml, "YAML", "MERGE", 2, 1, 0, 4, 0)]
    [InlineData(MergeJson, "JSON", "MERGE", 2, 1, 0, 4, 0)]
    [InlineData(ReplaceYaml, "YAML", "REPLACE", 1, 1, -2, 1, -1)]
    public async Task A_dry_run_reports_what_would_change_and_changes_nothing(
        string document, string format, string mode, int nodesCreated, int nodesUpdated, int nodesDeleted, int linksCreated, int linksDeleted)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        // Negative deletions count back from the seed: -2 means "all seeded nodes but 2".
        var seed = WriteRequests.Seed;
        nodesDeleted = nodesDeleted < 0 ? seed.Nodes.Count + nodesDeleted : nodesDeleted;
        linksDeleted = linksDeleted < 0 ? seed.Links.Count + linksDeleted : linksDeleted;

        var report = (await client.QueryAsync(Import, new { document, format, mode, dryRun = true }))["importTaxonomy"]!;

        Assert.True((bool)report["dryRun"]!);
        Assert.True((bool)report["changed"]!);
        var nodes = report["nodes"]!.Counts();
        Assert.Equal((nodesCreated, nodesUpdated, nodesDeleted), (nodes.Created, nodes.Updated, nodes.Deleted));
        var links = report["links"]!.Counts();
        Assert.Equal((linksCreated, linksDeleted), (links.Created, links.Deleted));
        Assert.Equal(before, await client.ExportAsync());

        // The real import then does what the dry run said.
        var applied = (await client.QueryAsync(Import, new { document, format, mode }))["importTaxonomy"]!;
        Assert.False((bool)applied["dryRun"]!);
        Assert.Equal(report["nodes"]!.ToJsonString(), applied["nodes"]!.ToJsonString());
        Assert.Equal(report["links"]!.ToJsonString(), applied["links"]!.ToJsonString());
        Assert.NotEqual(before, await client.ExportAsync());
    }

    [Fact]
    public async Task A_yaml_document_with_several_problems_answers_one_error_per_problem_with_its_place_and_changes_nothing()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        const string document = """
            formatVersion: 1
            taxonomy:
              name: Broken
            nodes:
              - { id: Not A Slug, kind: Skill, name: Bad id }
              - { id: fine-skill, kind: Gadget, name: Unknown kind }
              - { id: fine-role, kind: Role, name: Fine role }
            links:
              - { from: fine-role, to: nowhere, relation: REQUIRES }
              - { from: fine-role, to: python, relation: REQUIRES, importance: 1.5 }
            """;

        var errors = await client.RefusedAsync("importTaxonomy", Import, new { document, format = "YAML" });

        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        Assert.All(errors, e => Assert.Equal("document", (string?)e["extensions"]!["file"]));
        Assert.Equal(
            [
                "5:11 $.nodes[0].id",
                "6:29 $.nodes[1].kind",
                "9:28 $.links[0].to",
                "10:68 $.links[1].importance", // python is in the store: a merge may link to it, but not with 1.5
            ],
            errors.OrderBy(e => (int)e["extensions"]!["line"]!).ThenBy(e => (int)e["extensions"]!["column"]!).Select(Place));
        Assert.Contains(errors, e => e.Message().Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Equal(before, await client.ExportAsync());
        Assert.Null((await client.QueryAsync("""{ role(id: "fine-role") { id } }"""))["role"]);
    }

    [Fact]
    public async Task A_json_document_with_several_problems_answers_one_error_per_problem_with_its_place_and_changes_nothing()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        const string document = """
            {
              "formatVersion": 2,
              "taxonomy": { "name": "Broken" },
              "nodes": [
                { "id": "Not A Slug", "kind": "Skill", "name": "Bad id" },
                { "id": "fine-role", "kind": "Role", "name": "Fine role", "colour": "red" }
              ],
              "links": [
                { "from": "fine-role", "to": "nowhere", "relation": "REQUIRES" },
                { "from": "fine-role", "to": "python", "relation": "LOVES" }
              ]
            }
            """;

        var errors = await client.RefusedAsync("importTaxonomy", Import, new { document, format = "JSON" });

        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        Assert.All(errors, e => Assert.Equal("document", (string?)e["extensions"]!["file"]));
        Assert.Equal(
            [
                "2:20 $.formatVersion",
                "5:13 $.nodes[0].id",
                "6:63 $.nodes[1].colour",
                "9:34 $.links[0].to",
                "10:56 $.links[1].relation",
            ],
            errors.OrderBy(e => (int)e["extensions"]!["line"]!).ThenBy(e => (int)e["extensions"]!["column"]!).Select(Place));
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task A_syntax_error_is_one_error_at_its_line_and_column()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("importTaxonomy", Import, new { document = "formatVersion: 1\ntaxonomy: [unclosed\n", format = "YAML" });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("3:1 $", Place(error));
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task A_merge_may_not_change_the_kind_of_a_stored_node()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        const string document = """
            formatVersion: 1
            taxonomy: { name: Clash }
            nodes:
              - { id: python, kind: Tool, name: Python }
            """;

        var errors = await client.RefusedAsync("importTaxonomy", Import, new { document, format = "YAML" });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.StartsWith("$.nodes[0]", (string?)error["extensions"]!["jsonPath"], StringComparison.Ordinal);
        Assert.Equal(4, (int)error["extensions"]!["line"]!);
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task Replace_may_give_a_stored_id_another_kind()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        const string document = """
            formatVersion: 1
            taxonomy: { name: Re-kinded }
            nodes:
              - { id: data-scientist, kind: Role, name: Data Scientist }
              - { id: python, kind: Tool, name: Python }
            links:
              - { from: data-scientist, to: python, relation: USES, importance: 0.5 }
            """;

        var report = (await client.QueryAsync(Import, new { document, format = "YAML", mode = "REPLACE" }))["importTaxonomy"]!;

        Assert.Equal((0, 2, 0, WriteRequests.Seed.Nodes.Count - 2), report["nodes"]!.Counts());
        var data = await client.QueryAsync("""{ skill(id: "python") { id } tool(id: "python") { roles { role { id } importance } } }""");
        Assert.Null(data["skill"]);
        Assert.Equal(0.5, (double)data["tool"]!["roles"]![0]!["importance"]!);
    }

    [Fact]
    public async Task Replace_accepts_a_symmetric_link_stored_the_other_way_round()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        // The seed holds python -RELATED_TO-> programming; the document says it from the other end, and nothing else.
        const string document = """
            formatVersion: 1
            taxonomy: { name: Reversed }
            nodes:
              - { id: programming, kind: Skill, name: Programming }
              - { id: python, kind: Skill, name: Python }
            links:
              - { from: programming, to: python, relation: RELATED_TO }
            """;

        var response = await client.PostAsync(Import, new { document, format = "YAML", mode = "REPLACE" });

        Assert.True(response.Errors is null, $"Refused: {response.Errors?.ToJsonString()}");
        var export = await client.ExportAsync();
        Assert.Contains("- from: programming\n  to: python\n  relation: RELATED_TO\n", export, StringComparison.Ordinal);
        Assert.DoesNotContain("from: python", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_repeating_a_stored_symmetric_link_reversed_is_refused_with_the_place_in_the_document()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        // The seed holds python -RELATED_TO-> programming; a merge saying it again from the other end is a duplicate.
        const string document = """
            formatVersion: 1
            taxonomy: { name: Reversed }
            nodes:
              - { id: kotlin, kind: Skill, name: Kotlin }
            links:
              - { from: kotlin, to: programming, relation: RELATED_TO }
              - { from: programming, to: python, relation: RELATED_TO }
            """;

        var errors = await client.RefusedAsync("importTaxonomy", Import, new { document, format = "YAML" });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("7:5 $.links[1]", Place(error));
        Assert.Equal(before, await client.ExportAsync());
    }

    private static string Place(System.Text.Json.Nodes.JsonNode error)
    {
        var extensions = error["extensions"]!;
        Assert.NotNull(extensions["line"]);
        Assert.NotNull(extensions["column"]);
        Assert.NotNull(extensions["jsonPath"]);
        return $"{(int)extensions["line"]!}:{(int)extensions["column"]!} {(string)extensions["jsonPath"]!}";
    }
}
