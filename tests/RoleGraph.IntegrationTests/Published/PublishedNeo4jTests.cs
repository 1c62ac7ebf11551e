using System.Net;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Tests.Cli;
using RoleGraph.Tests.Infrastructure;
using RoleGraph.Tests.Neo4j.Hosting;

namespace RoleGraph.Tests.Published;

/// <summary>
/// The published executable (see <see cref="PublishedBinary"/>) on the Neo4j store, as docker-compose.yml runs it,
/// against <see cref="FakeNeo4jServer"/> (Neo4j's transactional HTTP API, answering no rows): it sets up the schema
/// and seeds, sends only catalog statements with every value as a parameter, and rides out an outage.
/// </summary>
[Collection(PublishedOnce.Name)]
public sealed class PublishedNeo4jTests(PublishedBinary binary) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task On_neo4j_it_seeds_sends_only_catalog_statements_with_parameters_and_recovers_from_an_outage()
    {
        binary.EnsureAvailable();
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        await using var running = await PublishedService.StartAsync(binary, _directory.Combine("unused.json"),
            "--RoleGraph:Store=Neo4j",
            "--Neo4j:Uri=" + neo4j.Uri,
            "--Neo4j:Api=Http",
            "--Neo4j:User=neo4j",
            "--Neo4j:Password=test-password",
            "--Neo4j:MaxRetries=0",
            "--Neo4j:RequestTimeout=00:00:05");

        Assert.Contains(SchemaCypher.Setup[0], neo4j.Texts);
        Assert.Equal(CliRun.Seed.Nodes.Count, RowsSent(neo4j, Enum.GetValues<Core.Model.NodeKind>().Select(WriteCypher.UpsertNodes)));
        Assert.Equal(CliRun.Seed.Links.Count, RowsSent(neo4j, Enum.GetValues<Core.Model.RelationKind>().Select(WriteCypher.UpsertLinks)));

        const string hostile = "x'}) DETACH DELETE n //\" RETURN 1 /*";
        string[] operations =
        [
            "query($hostile: ID!) { role(id: $hostile) { name skills { skill { id } } tools { tool { id } } similar { role { id } } } }",
            "query($hostile: String!) { search(text: $hostile, kinds: [SKILL, TOOL]) { node { id } } }",
            "query($hostile: String!) { roles(where: { name: { contains: $hostile } }, order: [{ name: DESC }]) { totalCount nodes { id } } }",
            "query($hostile: ID!) { shortestPaths(fromId: $hostile, toId: \"python\", maxHops: 3, via: [REQUIRES, USES]) { length } }",
            "mutation($hostile: String!) { upsertSkill(input: { id: \"hostile-skill\", name: $hostile, aliases: [$hostile] }) { id } }",
            "mutation($hostile: ID!) { deleteNode(id: $hostile, cascade: true) { changed } }",
            "{ exportTaxonomy(format: YAML) }",
            "{ exportTaxonomy(format: JSON) }",
        ];
        foreach (var operation in operations)
        {
            var response = await running.PostAsync(operation, new { hostile });
            var codes = (response.Errors ?? []).Select(e => (string?)e!["extensions"]?["code"]).ToArray();
            await running.AssertAsync(response.Status == HttpStatusCode.OK && !codes.Contains("INTERNAL"), $"{operation}: HTTP {(int)response.Status}: {response.Text}");
        }

        var catalog = CypherCatalog.All.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        Assert.All(neo4j.Statements, s => Assert.Contains(s.Text, catalog));
        Assert.Contains(neo4j.Statements, s => s.Parameters.ToJsonString().Contains("DETACH DELETE n //", StringComparison.Ordinal));
        Assert.Empty(running.Failures());

        neo4j.Mode = FakeNeo4jMode.Down;
        var down = await running.PostAsync("""{ role(id: "data-scientist") { name } }""");
        neo4j.Mode = FakeNeo4jMode.Up;
        var up = await running.PostAsync("""{ role(id: "data-scientist") { name } }""");

        Assert.Equal("STORE_UNAVAILABLE", down.SingleErrorCode());
        await running.AssertAsync(up.Status == HttpStatusCode.OK && up.Errors is null, $"After the outage: HTTP {(int)up.Status}: {up.Text}");
    }

    private static int RowsSent(FakeNeo4jServer neo4j, IEnumerable<string> statements)
    {
        var texts = statements.ToHashSet(StringComparer.Ordinal);
        return neo4j.Statements.Where(s => texts.Contains(s.Text)).Sum(s => s.Parameters["rows"]!.AsArray().Count);
    }
}
