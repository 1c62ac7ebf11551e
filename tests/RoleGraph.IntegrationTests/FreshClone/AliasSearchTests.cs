using System.Text.Json.Nodes;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Onet;

namespace RoleGraph.Tests.FreshClone;

/// <summary>
/// Search finds an imported O*NET role by any of its alternate titles, however many it has: imported with the
/// import-onet verb, then searched through the running service.
/// </summary>
public sealed class AliasSearchTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_role_with_more_than_fifty_alternate_titles_is_found_by_its_last_one()
    {
        using var onet = new OnetExcerptCopy();
        var file = onet.Combine("Alternate Titles.txt");
        var extra = Enumerable.Range(1, 60).Select(n => $"Data Scientist Variant {n:00}")
            .Append("Zebra Stripe Statistician")
            .Select(title => $"{OnetData.DataScientists}\tData Scientists\t{title}\t\t01");
        File.AppendAllText(file, string.Join('\n', extra) + "\n");
        Assert.True(File.ReadAllLines(file).Count(l => l.StartsWith(OnetData.DataScientists, StringComparison.Ordinal)) > 90);

        await _workspace.SucceedAsync("import-onet", onet.Directory, "--data-file", "onet.json");

        var hits = await SearchRolesAsync("onet.json", "zebra stripe");
        Assert.Contains(hits, hit => (string?)hit!["node"]!["id"] == "data-scientists" && (string?)hit["matchedText"] == "Zebra Stripe Statistician");
    }

    [Fact]
    public async Task Python_finds_software_developers_in_the_full_onet_database()
    {
        if (OnetData.FullDatabaseDirectory is not { } database)
        {
            Assert.Skip($"The O*NET 29.3 database is not at shared/datasets/onet-29.3 in {Directory.GetParent(RepositoryFiles.Root)} or a directory above it.");
            return;
        }

        // Software Developers (15-1252.00) has 135 alternate titles; "Python Developer" was beyond the old cap of 50.
        await _workspace.SucceedAsync("import-onet", database, "--occupations", "15-1252.00", "--data-file", "onet.json");

        var hits = await SearchRolesAsync("onet.json", "python");
        Assert.Contains(hits, hit => (string?)hit!["node"]!["name"] == "Software Developers" && (string?)hit["matchedText"] == "Python Developer");
    }

    private async Task<JsonArray> SearchRolesAsync(string dataFile, string text)
    {
        using var service = ServiceProcess.Start(_workspace.Path, args: [$"--RoleGraph:Embedded:DataFile={dataFile}"]);
        await service.WaitUntilReadyAsync();
        var response = await service.QueryAsync($$"""{ search(text: "{{text}}", kinds: [ROLE], first: 100) { node { id name } matchedText } }""");
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!["search"]!.AsArray();
    }
}
