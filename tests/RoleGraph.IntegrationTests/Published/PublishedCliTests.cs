using System.Text.RegularExpressions;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Onet;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The verbs of the published executable (see <see cref="PublishedBinary"/>), run as a user of the image runs them
/// (<c>docker run IMAGE validate ...</c>): help, the schema, validation, export to files in YAML and JSON and their
/// import into a fresh data file, and the O*NET import. Expected output is that of the in-process CLI tests (Cli/).
/// </summary>
[Collection(PublishedOnce.Name)]
public sealed partial class PublishedCliTests(PublishedBinary binary) : IDisposable
{
    private const string DataFile = "rolegraph.json";

    private readonly TempDirectory _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^Nodes were: (?<created>\d+) created, \d+ updated, \d+ unchanged, (?<deleted>\d+) deleted\.\nLinks were: \d+ created, \d+ updated, \d+ unchanged, \d+ deleted\.\n")]
    private static partial Regex ReportLines();

    private Task<CliResult> RunAsync(params string[] args)
    {
        binary.EnsureAvailable();
        return binary.RunAsync(_workspace.Path, args);
    }

    private async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"`{string.Join(' ', args)}` failed: {result}");
        return result;
    }

    [Fact]
    public void The_publish_is_one_native_executable_beside_its_settings_seed_ide_and_explorer()
    {
        binary.EnsureAvailable();
        Assert.SkipWhen(binary.RunsOnTheJit, $"{binary.Executable} runs on the JIT: there is no native executable to check.");

        // A publish that fell back to the JIT (PublishAot lost) would still start: only its files tell.
        var assemblies = Directory.EnumerateFiles(binary.OutputDirectory, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.True(assemblies.Length == 0, $"The publish holds assemblies, so it is not compiled ahead of time: {string.Join(", ", assemblies)}");
        var magic = new byte[4];
        using (var executable = File.OpenRead(binary.Executable))
        {
            executable.ReadExactly(magic);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        foreach (var file in new[] { "appsettings.json", Path.Combine("seed", "article.taxonomy.yaml"), Path.Combine("ide", "index.html"), Path.Combine("explorer", "index.html") })
        {
            Assert.True(File.Exists(Path.Combine(binary.OutputDirectory, file)), $"{file} is not in the publish output {binary.OutputDirectory}.");
        }
    }

    [Fact]
    public async Task Help_lists_every_verb_and_schema_export_writes_schema_graphql()
    {
        var help = await SucceedAsync("--help");
        await SucceedAsync("schema", "export", "--output", "exported.graphql");
        TestContext.Current.TestOutputHelper?.WriteLine($"Testing {binary.Origin}");

        foreach (var verb in new[] { "schema", "validate", "import", "export", "import-onet" })
        {
            Assert.Contains(verb, help.Output, StringComparison.Ordinal);
        }

        Assert.True(
            File.ReadAllText(RepositoryFiles.PathOf("schema.graphql")).ReplaceLineEndings("\n") == File.ReadAllText(_workspace.Combine("exported.graphql")).ReplaceLineEndings("\n"),
            "`schema export` of the published executable is not schema.graphql.");
    }

    [Fact]
    public async Task Validate_accepts_the_shipped_seed_and_lists_every_problem_of_a_bad_file_with_its_place()
    {
        binary.EnsureAvailable();
        var seedFiles = Directory.EnumerateFiles(binary.SeedDirectory, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var seed = await SucceedAsync(["validate", .. seedFiles]);
        _workspace.Write("bad.json", """
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
        var bad = await RunAsync("validate", "bad.json");

        Assert.NotEmpty(seedFiles);
        Assert.EndsWith($"\nValid: {CliRun.Seed.Nodes.Count} nodes, {CliRun.Seed.Links.Count} links.\n", seed.Output, StringComparison.Ordinal);
        Assert.Equal("", seed.Error);
        Assert.True(bad.ExitCode == 1, bad.ToString());
        var lines = bad.Error.TrimEnd('\n').Split('\n');
        Assert.Equal("3 problems; nothing was changed.", lines[^1]);
        Assert.Equal(
            ["bad.json:5:13: $.nodes[0].id", "bad.json:6:63: $.nodes[1].colour", "bad.json:9:34: $.links[0].to"],
            lines[..^1].Select(l => l[..l.IndexOf(": ", l.IndexOf(": ", StringComparison.Ordinal) + 2, StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public async Task An_export_to_a_file_validates_and_replaces_a_fresh_data_file_with_the_same_graph(string format)
    {
        _workspace.Write("more.yaml", """
            formatVersion: 1
            taxonomy: { name: Data engineering, version: "0.1", source: https://example.org/de, license: CC-BY-4.0 }
            nodes:
              - { id: data-engineer, kind: Role, name: Data Engineer, properties: { primaryFocus: "Pipelines: batch and streaming" } }
              - { id: sql, kind: Skill, name: SQL, aliases: [Structured Query Language], description: "Querying \"relational\" data." }
            links:
              - { from: data-engineer, to: sql, relation: REQUIRES, importance: 0.9, level: 0.75 }
              - { from: sql, to: data-analysis, relation: RELATED_TO }
            """);
        var name = "export." + format;

        // The first open of a data file seeds it; the import then merges into the seed.
        var imported = await SucceedAsync("import", "more.yaml", "--data-file", DataFile);
        var written = await SucceedAsync("export", "--format", format, "--output", name, "--data-file", DataFile);
        var validated = await SucceedAsync("validate", name);
        var replaced = await SucceedAsync("import", name, "--mode", "replace", "--data-file", "fresh.json");
        var original = await SucceedAsync("export", "--format", format, "--data-file", DataFile);
        var copy = await SucceedAsync("export", "--format", format, "--data-file", "fresh.json");

        Assert.Equal(
            "Nodes were: 2 created, 0 updated, 0 unchanged, 0 deleted.\nLinks were: 2 created, 0 updated, 0 unchanged, 0 deleted.\n",
            imported.Output);
        var nodes = CliRun.Seed.Nodes.Count + 2;
        var links = CliRun.Seed.Links.Count + 2;
        Assert.Equal($"Wrote {_workspace.Combine(name)}: {nodes} nodes, {links} links.\n", written.Error);
        Assert.Equal(original.Output, File.ReadAllText(_workspace.Combine(name)));
        Assert.EndsWith($"\nValid: {nodes} nodes, {links} links.\n", validated.Output, StringComparison.Ordinal);
        Assert.Matches(@"^Nodes were: 2 created, 0 updated, \d+ unchanged, 0 deleted\.\n", replaced.Output);
        Assert.Equal(original.Output, copy.Output);
        Assert.Contains("Pipelines: batch and streaming", copy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_onet_reads_the_committed_excerpt_into_the_store()
    {
        var result = await SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--data-file", DataFile);
        var again = await SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--data-file", DataFile);
        var export = (await SucceedAsync("export", "--data-file", DataFile)).Output;

        var report = ReportLines().Match(result.Output);
        Assert.True(report.Success, result.ToString());
        Assert.True(int.Parse(report.Groups["created"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, result.ToString());
        Assert.Equal("0", report.Groups["deleted"].Value);
        Assert.Matches(@"O\*NET import took \d+\.\d s\.\n$", result.Output);
        Assert.StartsWith("Nodes were: 0 created, 0 updated, ", again.Output, StringComparison.Ordinal);
        Assert.Contains("\n- id: data-scientists\n  kind: Role\n", export, StringComparison.Ordinal);
        Assert.Contains(OnetData.DataScientists, export, StringComparison.Ordinal);
        Assert.Contains("\n- id: python-tool\n  kind: Tool\n", export, StringComparison.Ordinal);
        Assert.Contains("\n- id: machine-learning-engineer\n", export, StringComparison.Ordinal); // merged with the seed
    }
}
