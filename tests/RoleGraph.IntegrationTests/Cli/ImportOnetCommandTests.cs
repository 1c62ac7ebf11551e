using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RoleGraph.Tests.Onet;

namespace RoleGraph.Tests.Cli;

/// <summary>`import-onet DIRECTORY [--occupations CODES] [--dry-run] --data-file F` on the committed O*NET excerpt.</summary>
public sealed partial class ImportOnetCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [GeneratedRegex(@"^Nodes (were|would be): (?<created>\d+) created, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged, (?<deleted>\d+) deleted\.\nLinks (were|would be): (?<lcreated>\d+) created, (?<lupdated>\d+) updated, (?<lunchanged>\d+) unchanged, (?<ldeleted>\d+) deleted\.\n")]
    private static partial Regex ReportLines();

    private async Task<JsonNode> ExportJsonAsync() => JsonNode.Parse(await _workspace.ExportAsync(format: "json"))!;

    private static JsonNode? Node(JsonNode export, string id) => export["nodes"]!.AsArray().SingleOrDefault(n => (string?)n!["id"] == id);

    private static string[] SocCodes(JsonNode export) =>
        export["nodes"]!.AsArray().Select(n => (string?)n!["properties"]?["onetSocCode"]).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task The_excerpt_imports_and_the_export_holds_its_roles_and_tools()
    {
        var result = await _workspace.SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--data-file", CliWorkspace.DataFile);

        var report = ReportLines().Match(result.Output);
        Assert.True(report.Success, result.ToString());
        Assert.True(int.Parse(report.Groups["created"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", report.Groups["deleted"].Value);
        Assert.Matches(@"O\*NET import took \d+\.\d s\.\n$", result.Output);

        var export = await ExportJsonAsync();
        var role = Node(export, "data-scientists");
        Assert.NotNull(role);
        Assert.Equal("Role", (string?)role["kind"]);
        Assert.Equal(OnetData.DataScientists, (string?)role["properties"]!["onetSocCode"]);
        Assert.Equal("Tool", (string?)Node(export, "python-tool")?["kind"]);
        Assert.Equal([OnetData.ResearchScientists, OnetData.DataScientists, OnetData.PhysicalScientists, OnetData.Cooks], SocCodes(export));
        Assert.NotNull(Node(export, "machine-learning-engineer")); // merged with the seed, not replacing it
        Assert.Contains(export["links"]!.AsArray(), l => (string?)l!["from"] == "data-scientists" && (string?)l["to"] == "python-tool" && (string?)l["relation"] == "USES");
    }

    [Fact]
    public async Task Importing_the_excerpt_twice_changes_nothing_the_second_time()
    {
        await _workspace.SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--data-file", CliWorkspace.DataFile);
        var afterFirst = await _workspace.ExportAsync();

        var second = await _workspace.SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--data-file", CliWorkspace.DataFile);

        var report = ReportLines().Match(second.Output);
        Assert.True(report.Success, second.ToString());
        Assert.Equal(
            ("0", "0", "0", "0", "0", "0"),
            (report.Groups["created"].Value, report.Groups["updated"].Value, report.Groups["deleted"].Value,
             report.Groups["lcreated"].Value, report.Groups["lupdated"].Value, report.Groups["ldeleted"].Value));
        Assert.Equal(afterFirst, await _workspace.ExportAsync());
    }

    [Fact]
    public async Task Occupations_limits_the_import_to_the_codes_given()
    {
        await _workspace.SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--occupations", OnetData.DataScientists, "--data-file", CliWorkspace.DataFile);

        var export = await ExportJsonAsync();
        Assert.Equal([OnetData.DataScientists], SocCodes(export));
        Assert.NotNull(Node(export, "data-scientists"));
        Assert.Null(Node(export, "cooks-all-other"));
        Assert.DoesNotContain(export["nodes"]!.AsArray(), n => ((string)n!["id"]!).StartsWith("cooks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var before = await _workspace.ExportAsync();

        var result = await _workspace.SucceedAsync("import-onet", OnetData.ExcerptDirectory, "--dry-run", "--data-file", CliWorkspace.DataFile);

        Assert.StartsWith("Nodes would be: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written.\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await _workspace.ExportAsync());
    }

    [Fact]
    public async Task A_missing_directory_exits_1()
    {
        var result = await _workspace.RunAsync("import-onet", "no-such-onet", "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"No such directory: {_workspace.Combine("no-such-onet")}\n", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task An_unknown_occupation_code_exits_1_naming_it_and_changes_nothing()
    {
        var before = await _workspace.ExportAsync();

        var result = await _workspace.RunAsync(
            "import-onet", OnetData.ExcerptDirectory, "--occupations", $"{OnetData.DataScientists},99-9999.00", "--data-file", CliWorkspace.DataFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("99-9999.00", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(before, await _workspace.ExportAsync());
    }
}
