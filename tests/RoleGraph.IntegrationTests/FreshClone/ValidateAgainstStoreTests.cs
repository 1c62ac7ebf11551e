using System.Text.RegularExpressions;
using RoleGraph.Tests.Cli;

namespace RoleGraph.Tests.FreshClone;

/// <summary>
/// `validate` checks files on their own and says so; `validate --against-store` checks them as `import` would, so
/// the two agree with `import --dry-run`; both list every problem in file order, each link's problems all together.
/// </summary>
public sealed partial class ValidateAgainstStoreTests : IDisposable
{
    /// <summary>Links to the seed's python, which a merge into the seeded store accepts.</summary>
    private const string LinksToTheSeed = """
        formatVersion: 1
        taxonomy: { name: Extra }
        nodes:
          - { id: data-engineer, kind: Role, name: Data Engineer }
        links:
          - { from: data-engineer, to: python, relation: REQUIRES, importance: 0.8 }
        """;

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^[^:]+:(?<line>\d+):(?<column>\d+): (?<path>\$\S*): ")]
    private static partial Regex ProblemLine();

    [Fact]
    public async Task On_its_own_a_link_to_the_store_is_refused_and_the_output_says_the_file_was_checked_alone()
    {
        var file = _workspace.Write("extra.yaml", LinksToTheSeed);

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("Checked the file on its own, not against the store", result.Output, StringComparison.Ordinal);
        Assert.Contains("--against-store", result.Output, StringComparison.Ordinal);
        Assert.Contains("No node has the id 'python'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_store_it_accepts_what_import_dry_run_accepts_and_writes_nothing()
    {
        var file = _workspace.Write("extra.yaml", LinksToTheSeed);

        var validated = await _workspace.SucceedAsync("validate", file, "--against-store", "--data-file", CliWorkspace.DataFile);
        var dryRun = await _workspace.SucceedAsync("import", file, "--dry-run", "--data-file", CliWorkspace.DataFile);

        Assert.StartsWith("Checked the file against the store, as `import --mode merge` would: valid.\n", validated.Output, StringComparison.Ordinal);
        Assert.EndsWith(dryRun.Output, validated.Output, StringComparison.Ordinal);
        Assert.Contains("Nodes would be: 1 created", validated.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("data-engineer", await _workspace.ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_store_a_kind_clash_with_the_store_is_refused_as_import_refuses_it()
    {
        var file = _workspace.Write("clash.yaml", "formatVersion: 1\ntaxonomy: { name: Clash }\nnodes:\n  - { id: python, kind: Tool, name: Python the tool }\n");

        var validated = await _workspace.RunAsync("validate", file, "--against-store", "--data-file", CliWorkspace.DataFile);
        var imported = await _workspace.RunAsync("import", file, "--dry-run", "--data-file", CliWorkspace.DataFile);

        Assert.True(validated.ExitCode == 1, validated.ToString());
        Assert.Equal(imported.ExitCode, validated.ExitCode);
        Assert.Equal(imported.Error, validated.Error);
    }

    [Fact]
    public async Task Every_problem_is_listed_in_file_order_and_wrong_kinds_do_not_hide_a_misplaced_level()
    {
        // Parser problems (a wrong type, an unknown field) and validator problems (kinds, weights, ids) interleave in
        // the file; each link's problems are all there.
        var file = _workspace.Write("mixed.yaml", """
            formatVersion: 1
            taxonomy: { name: Mixed }
            links:
              - { from: data-engineer, to: spark, relation: USES, level: 0.5 }
              - { from: data-engineer, to: sql, relation: REQUIRES, importance: high }
            nodes:
              - { id: data-engineer, kind: Role, name: Data Engineer }
              - { id: spark, kind: Skill, name: Spark, colour: orange }
              - { id: sql, kind: Skill, name: SQL }
              - { id: Bad Id, kind: Skill, name: Bad }
            """);

        var result = await _workspace.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var places = result.Error.TrimEnd('\n').Split('\n')[..^1].Select(line =>
        {
            var match = ProblemLine().Match(line);
            Assert.True(match.Success, line);
            return $"{match.Groups["line"].Value}:{match.Groups["column"].Value} {match.Groups["path"].Value}";
        }).ToList();

        Assert.Equal(["4:5 $.links[0]", "4:62 $.links[0].level", "5:69 $.links[1].importance", "8:44 $.nodes[1].colour", "10:11 $.nodes[3].id"], places);
    }
}
