using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Cli;

/// <summary>`import FILES... [--mode merge|replace] [--dry-run] --data-file F`: counts printed, atomic, idempotent.</summary>
public sealed class ImportCommandTests : IDisposable
{
    /// <summary>Two new nodes, one changed seed node (python's aliases), links to nodes the store already holds.</summary>
    private const string MergeYaml = """
        formatVersion: 1
        taxonomy: { name: Data engineering, license: CC0 }
        nodes:
          - { id: data-engineer, kind: Role, name: Data Engineer }
          - { id: apache-spark, kind: Tool, name: Apache Spark }
          - { id: python, kind: Skill, name: Python, aliases: [Python programming, Py] }
        links:
          - { from: data-engineer, to: python, relation: REQUIRES, importance: 0.9 }
          - { from: data-engineer, to: apache-spark, relation: USES }
          - { from: apache-spark, to: data-analysis, relation: SUPPORTS }
          - { from: data-scientist, to: apache-spark, relation: USES, importance: 0.3 }
        """;

    private const string ReplaceYaml = """
        formatVersion: 1
        taxonomy: { name: Tiny }
        nodes:
          - { id: data-scientist, kind: Role, name: Data Scientist }
          - { id: sql, kind: Skill, name: SQL }
        links:
          - { from: data-scientist, to: sql, relation: REQUIRES }
        """;

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string Report(string verb, (int, int, int, int) nodes, (int, int, int, int) links) =>
        $"Nodes {verb}: {nodes.Item1} created, {nodes.Item2} updated, {nodes.Item3} unchanged, {nodes.Item4} deleted.\n"
        + $"Links {verb}: {links.Item1} created, {links.Item2} updated, {links.Item3} unchanged, {links.Item4} deleted.\n";

    [Fact]
    public async Task A_merge_prints_its_counts_and_a_second_identical_import_changes_nothing()
    {
        var file = _workspace.Write("merge.yaml", MergeYaml);

        var first = await _workspace.SucceedAsync("import", file, "--data-file", CliWorkspace.DataFile);
        var afterFirst = await _workspace.ExportAsync();
        var second = await _workspace.SucceedAsync("import", file, "--mode", "merge", "--data-file", CliWorkspace.DataFile);

        Assert.Equal(Report("were", (2, 1, 0, 0), (4, 0, 0, 0)), first.Output);
        Assert.Equal(Report("were", (0, 0, 3, 0), (0, 0, 4, 0)), second.Output);
        Assert.Equal(afterFirst, await _workspace.ExportAsync());
        Assert.Contains("id: data-engineer\n", afterFirst, StringComparison.Ordinal);
        Assert.Contains("id: tensorflow\n", afterFirst, StringComparison.Ordinal); // the seed stays
    }

    [Fact]
    public async Task A_dry_run_prints_what_would_change_and_writes_nothing()
    {
        var file = _workspace.Write("merge.yaml", MergeYaml);
        var before = await _workspace.ExportAsync();

        var dryRun = await _workspace.SucceedAsync("import", file, "--dry-run", "--data-file", CliWorkspace.DataFile);

        Assert.Equal(Report("would be", (2, 1, 0, 0), (4, 0, 0, 0)) + "Dry run: nothing was written.\n", dryRun.Output);
        Assert.Equal(before, await _workspace.ExportAsync());
        var applied = await _workspace.SucceedAsync("import", file, "--data-file", CliWorkspace.DataFile);
        Assert.Equal(Report("were", (2, 1, 0, 0), (4, 0, 0, 0)), applied.Output);
    }

    [Fact]
    public async Task A_replace_leaves_exactly_the_file_and_counts_what_it_removed()
    {
        var file = _workspace.Write("tiny.yaml", ReplaceYaml);
        var seed = CliRun.Seed;

        var dryRun = await _workspace.SucceedAsync("import", file, "--mode", "replace", "--dry-run", "--data-file", CliWorkspace.DataFile);
        var first = await _workspace.SucceedAsync("import", file, "--mode", "replace", "--data-file", CliWorkspace.DataFile);
        var second = await _workspace.SucceedAsync("import", file, "--mode", "replace", "--data-file", CliWorkspace.DataFile);

        // data-scientist loses its description, aliases and properties; sql is new; everything else goes.
        var expected = Report("were", (1, 1, 0, seed.Nodes.Count - 1), (1, 0, 0, seed.Links.Count));
        Assert.Equal(expected.Replace("were", "would be", StringComparison.Ordinal) + "Dry run: nothing was written.\n", dryRun.Output);
        Assert.Equal(expected, first.Output);
        Assert.Equal(Report("were", (0, 0, 2, 0), (0, 0, 1, 0)), second.Output);
        var export = JsonNode.Parse(await _workspace.ExportAsync(format: "json"))!;
        Assert.Equal(["data-scientist", "sql"], export["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Single(export["links"]!.AsArray());
        Assert.Equal("Tiny", (string?)export["taxonomy"]!["name"]);
    }

    [Fact]
    public async Task Several_files_are_imported_together_as_one_taxonomy()
    {
        var roles = _workspace.Write("roles.yaml", """
            formatVersion: 1
            taxonomy: { name: Roles }
            nodes:
              - { id: data-engineer, kind: Role, name: Data Engineer }
            links:
              - { from: data-engineer, to: sql, relation: REQUIRES }
            """);
        var skills = _workspace.Write("skills.json", """
            { "formatVersion": 1, "taxonomy": { "name": "Skills" }, "nodes": [ { "id": "sql", "kind": "Skill", "name": "SQL" } ] }
            """);

        var result = await _workspace.SucceedAsync("import", roles, skills, "--data-file", CliWorkspace.DataFile);

        Assert.Equal(Report("were", (2, 0, 0, 0), (1, 0, 0, 0)), result.Output);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("replace")]
    public async Task An_invalid_file_exits_1_listing_its_problems_and_the_store_is_unchanged(string mode)
    {
        var file = _workspace.Write("bad.yaml", """
            formatVersion: 1
            taxonomy: { name: Broken }
            nodes:
              - { id: fine-role, kind: Role, name: Fine role }
              - { id: Bad Id, kind: Skill, name: Bad }
            links:
              - { from: fine-role, to: nowhere, relation: REQUIRES }
            """);
        var before = await _workspace.ExportAsync();

        var result = await _workspace.RunAsync("import", file, "--mode", mode, "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("bad.yaml:5:11: $.nodes[1].id: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:7:28: $.links[0].to: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("2 problems; nothing was changed.\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _workspace.ExportAsync());
    }

    [Fact]
    public async Task A_merge_that_would_change_the_kind_of_a_stored_node_exits_1_and_changes_nothing()
    {
        var file = _workspace.Write("clash.yaml", """
            formatVersion: 1
            taxonomy: { name: Clash }
            nodes:
              - { id: new-tool, kind: Tool, name: New tool }
              - { id: python, kind: Tool, name: Python the tool }
            """);
        var before = await _workspace.ExportAsync();

        var result = await _workspace.RunAsync("import", file, "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("clash.yaml:5:", result.Error, StringComparison.Ordinal);
        Assert.Contains("'python'", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _workspace.ExportAsync());
    }

    [Fact]
    public async Task A_merge_repeating_a_stored_symmetric_link_reversed_exits_1_naming_its_place_in_the_file()
    {
        // The seed holds python -RELATED_TO-> programming; the file says it again from the other end.
        var file = _workspace.Write("reversed.yaml", """
            formatVersion: 1
            taxonomy: { name: Reversed }
            nodes:
              - { id: kotlin, kind: Skill, name: Kotlin }
            links:
              - { from: kotlin, to: programming, relation: RELATED_TO }
              - { from: programming, to: python, relation: RELATED_TO }
            """);
        var before = await _workspace.ExportAsync();

        var result = await _workspace.RunAsync("import", file, "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("reversed.yaml:7:", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _workspace.ExportAsync());
    }

    [Fact]
    public async Task A_missing_file_exits_1_and_opens_no_store()
    {
        var result = await _workspace.RunAsync("import", "missing.yaml", "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"No such file: {_workspace.Combine("missing.yaml")}\n", result.Error);
        Assert.False(File.Exists(_workspace.Combine(CliWorkspace.DataFile + ".journal")));
    }
}
