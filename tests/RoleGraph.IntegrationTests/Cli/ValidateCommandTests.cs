using System.Text.RegularExpressions;

namespace RoleGraph.Tests.Cli;

/// <summary>`validate FILES...`: 0 and counts when valid; 1 and every problem as file:line:col: path: message when not.</summary>
public sealed partial class ValidateCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<path>\$\S*): (?<message>.+)$")]
    private static partial Regex ProblemLine();

    [Fact]
    public async Task The_seed_is_valid_and_its_counts_are_printed()
    {
        var result = await _workspace.SucceedAsync(["validate", .. CliRun.SeedFiles]);

        Assert.Equal(
            $"Checked the {CliRun.SeedFiles.Length} files on their own, not against the store: links must reach nodes of the files given (--against-store checks as an import would).\n"
            + $"Valid: {CliRun.Seed.Nodes.Count} nodes, {CliRun.Seed.Links.Count} links.\n",
            result.Output.Replace("Checked the file on its own", $"Checked the {CliRun.SeedFiles.Length} files on their own", StringComparison.Ordinal));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task An_invalid_yaml_file_exits_1_listing_every_problem_with_its_place()
    {
        var file = _workspace.Write("bad.yaml", """
            formatVersion: 1
            taxonomy:
              name: Broken
            nodes:
              - { id: Not A Slug, kind: Skill, name: Bad id }
              - { id: fine-skill, kind: Gadget, name: Unknown kind }
              - { id: fine-role, kind: Role, name: Fine role }
              - { id: ok-skill, kind: Skill, name: Fine skill }
            links:
              - { from: fine-role, to: nowhere, relation: REQUIRES }
              - { from: fine-role, to: ok-skill, relation: REQUIRES, importance: 1.5 }
            """);

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("Checked the file on its own, not against the store", result.Output, StringComparison.Ordinal);
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.Equal("4 problems; nothing was changed.", lines[^1]);
        var problems = lines[..^1].Select(line =>
        {
            var match = ProblemLine().Match(line);
            Assert.True(match.Success, $"Not file:line:col: path: message: {line}");
            Assert.Equal("bad.yaml", match.Groups["file"].Value);
            return $"{match.Groups["line"].Value}:{match.Groups["column"].Value} {match.Groups["path"].Value}";
        });
        Assert.Equal(["5:11 $.nodes[0].id", "6:29 $.nodes[1].kind", "10:28 $.links[0].to", "11:70 $.links[1].importance"], problems);
        Assert.Contains("'Not A Slug'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'Gadget'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'nowhere'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_json_file_exits_1_listing_every_problem_with_its_place()
    {
        var file = _workspace.Write("bad.json", """
            {
              "formatVersion": 1,
              "taxonomy": { "name": "Broken" },
              "nodes": [
                { "id": "Not A Slug", "kind": "Skill", "name": "Bad id" },
                { "id": "fine-role", "kind": "Role", "name": "Fine role", "colour": "red" }
              ],
              "links": [
                { "from": "fine-role", "to": "nowhere", "relation": "REQUIRES" }
              ]
            }
            """);

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.Equal("3 problems; nothing was changed.", lines[^1]);
        Assert.Equal(
            ["bad.json:5:13: $.nodes[0].id", "bad.json:6:63: $.nodes[1].colour", "bad.json:9:34: $.links[0].to"],
            lines[..^1].Select(l => l[..l.IndexOf(": ", l.IndexOf(": ", StringComparison.Ordinal) + 2, StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_yaml_syntax_error_exits_1_with_its_line_and_column()
    {
        var file = _workspace.Write("syntax.yaml", "formatVersion: 1\ntaxonomy: [unclosed\n");

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("syntax.yaml:3:1: $: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("1 problem; nothing was changed.\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_files_are_validated_as_one_taxonomy()
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
        var clash = _workspace.Write("clash.yaml", """
            formatVersion: 1
            taxonomy: { name: Clash }
            nodes:
              - { id: sql, kind: Tool, name: SQL the tool }
            """);

        var valid = await _workspace.SucceedAsync("validate", roles, skills);
        var invalid = await _workspace.RunAsync("validate", roles, skills, clash);

        Assert.EndsWith("\nValid: 2 nodes, 1 links.\n", valid.Output, StringComparison.Ordinal);
        Assert.True(invalid.ExitCode == 1, invalid.ToString());
        var problem = Assert.Single(invalid.Error.TrimEnd('\n').Split('\n')[..^1]);
        Assert.StartsWith("clash.yaml:4:", problem, StringComparison.Ordinal);
        Assert.Contains("'sql'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_1_naming_it()
    {
        var present = _workspace.Write("present.yaml", "formatVersion: 1\ntaxonomy: { name: Fine }\n");

        var result = await _workspace.RunAsync("validate", present, "missing.yaml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"No such file: {_workspace.Combine("missing.yaml")}\n", result.Error);
        Assert.Equal("", result.Output);
    }
}
