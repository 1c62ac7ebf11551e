using System.Text.RegularExpressions;
using RoleGraph.Embedded;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Writes;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The published executable (see <see cref="PublishedBinary"/>) restarted on the same data file, as a container on a
/// volume is: the first start writes the seeded graph as a binary snapshot, later writes go to the journal, and the
/// next start (not seeding: the seed is switched off) brings back every write, after a graceful stop (SIGTERM, as
/// `docker stop` sends) and after a kill (SIGKILL).
/// </summary>
[Collection(PublishedOnce.Name)]
public sealed partial class PublishedRestartTests(PublishedBinary binary) : IDisposable
{
    private static readonly string[] WithoutSeed = ["--RoleGraph:Seed:LoadWhenEmpty=false", "--RoleGraph:Seed:Path=does-not-exist"];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [GeneratedRegex(@"^(warn|fail|crit): ", RegexOptions.Multiline)]
    private static partial Regex WarningOrWorse();

    [Fact]
    public async Task Writes_come_back_after_a_stop_and_after_a_kill_from_the_snapshot_and_the_journal()
    {
        binary.EnsureAvailable();
        var dataFile = _directory.Combine("rolegraph.json");
        var journal = dataFile + ".journal";
        string before;
        await using (var first = await PublishedService.StartAsync(binary, dataFile))
        {
            var snapshot = BinarySnapshotReader.Read(File.ReadAllBytes(dataFile));
            Assert.Equal((CliRun.Seed.Nodes.Count, CliRun.Seed.Links.Count), (snapshot.Nodes.Count, snapshot.Links.Count));
            Assert.Equal(0, new FileInfo(journal).Length);

            await first.QueryAsync("""
                mutation {
                  a: upsertRole(input: { id: "data-engineer", name: "Data Engineer", properties: [{ key: "primaryFocus", value: "Pipelines" }] }) { id }
                  b: upsertSkill(input: { id: "sql", name: "SQL", aliases: ["Structured Query Language"] }) { id }
                  c: link(fromId: "data-engineer", toId: "sql", relation: REQUIRES, importance: 0.9, level: 0.4) { relation }
                  d: link(fromId: "data-scientist", toId: "python", relation: REQUIRES, importance: 0.95) { relation }
                  e: unlink(fromId: "machine-learning-engineer", toId: "java", relation: REQUIRES) { changed }
                  f: deleteNode(id: "matplotlib", cascade: true) { changed }
                }
                """);
            await first.QueryAsync("mutation($document: String!) { importTaxonomy(document: $document, format: JSON) { changed } }", new
            {
                document = """{ "formatVersion": 1, "taxonomy": { "name": "More", "license": "CC0" }, "nodes": [{ "id": "dbt", "kind": "Tool", "name": "dbt" }] }""",
            });
            before = await first.GraphQL.ExportAsync();

            var exitCode = await first.StopAsync();
            Assert.True(exitCode == 0, $"exit {exitCode}\n{first}");
            // The first start as the README describes it: Production, no warning, nothing on standard error.
            Assert.False(WarningOrWorse().IsMatch(first.Log), first.ToString());
            Assert.DoesNotContain("[stderr] ", first.Log, StringComparison.Ordinal);
        }

        // The writes are in the journal, which the next start replays over the snapshot.
        Assert.True(new FileInfo(journal).Length > 0, "The writes are not in the journal.");
        await using (var second = await PublishedService.StartAsync(binary, dataFile, WithoutSeed))
        {
            Assert.Equal(before, await second.GraphQL.ExportAsync());
            var data = await second.QueryAsync("""
                { role(id: "data-engineer") { primaryFocus skills { skill { id } importance level } }
                  ds: role(id: "data-scientist") { skills { skill { id } importance } }
                  mle: role(id: "machine-learning-engineer") { skills { skill { id } } }
                  matplotlib: node(id: "matplotlib") { id } dbt: tool(id: "dbt") { name } }
                """);
            Assert.Equal("""{"primaryFocus":"Pipelines","skills":[{"skill":{"id":"sql"},"importance":0.9,"level":0.4}]}""", data["role"]!.ToJsonString());
            Assert.Equal(0.95, (double)data["ds"]!["skills"]!.AsArray().Single(s => (string?)s!["skill"]!["id"] == "python")!["importance"]!);
            Assert.DoesNotContain("java", data["mle"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));
            Assert.Null(data["matplotlib"]);
            Assert.Equal("dbt", (string?)data["dbt"]!["name"]);

            await second.QueryAsync("""mutation { upsertSkill(input: { id: "kept-after-kill", name: "Kept after a kill" }) { id } }""");
            before = await second.GraphQL.ExportAsync();
            second.Kill();
        }

        await using var third = await PublishedService.StartAsync(binary, dataFile, WithoutSeed);
        Assert.Equal(before, await third.GraphQL.ExportAsync());
        Assert.Equal("Kept after a kill", (string?)(await third.QueryAsync("""{ skill(id: "kept-after-kill") { name } }"""))["skill"]!["name"]);
        Assert.DoesNotContain("Seeded", third.Log, StringComparison.Ordinal);
    }
}
