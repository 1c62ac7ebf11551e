using System.Net;
using System.Text.Json;
using RoleGraph.Neo4j.Cypher;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Neo4j.Hosting;

/// <summary>
/// The real service configured for Neo4j (RoleGraph:Store = Neo4j) against <see cref="FakeNeo4jServer"/>: what it
/// does when Neo4j is down or refuses its credentials, how it recovers, and that every statement it sends is one of
/// the store's fixed, linted statements with all values as parameters.
/// </summary>
public sealed class Neo4jServiceTests
{
    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Neo4j_down_at_start_serves_not_ready_then_recovers_and_seeds_by_itself()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        neo4j.Mode = FakeNeo4jMode.Down;
        await using var app = ServiceOn(neo4j);
        var client = app.GraphQL();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        var (status, description) = await ReadyAsync(client.Http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Neo4jGraphStore is not open", description, StringComparison.Ordinal);

        var down = await client.PostAsync("{ roles(first: 1) { totalCount } }");
        Assert.Equal("STORE_UNAVAILABLE", down.SingleErrorCode());
        var write = await client.PostAsync("""mutation { upsertSkill(input: { id: "early", name: "Early" }) { id } }""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.Status);
        Assert.Equal("STORE_UNAVAILABLE", write.SingleErrorCode());
        Assert.Empty(neo4j.Statements);

        neo4j.Mode = FakeNeo4jMode.Up;
        await WaitUntilReadyAsync(client.Http);

        // Recovery ran the schema set-up, then seeded the empty store in one committed transaction with every node
        // and link of the seed taxonomy as UNWIND rows.
        Assert.Contains(SchemaCypher.Setup[0], neo4j.Texts);
        Assert.Equal(1, neo4j.Commits);
        Assert.Equal(46, RowsSent(neo4j, WriteCypher.UpsertNodes));
        Assert.Equal(79, RowsSent(neo4j, WriteCypher.UpsertLinks));

        var up = await client.PostAsync("{ roles(first: 1) { totalCount } }");
        Assert.Null(up.Errors);
        Assert.Equal(0, (int)up.Data!["roles"]!["totalCount"]!);
    }

    [Fact]
    public async Task Neo4j_refusing_credentials_answers_STORE_AUTH_FAILED_and_not_ready_with_the_reason()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        neo4j.Mode = FakeNeo4jMode.RefusingCredentials;
        await using var app = ServiceOn(neo4j);
        var client = app.GraphQL();

        var (status, description) = await ReadyAsync(client.Http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Unauthorized", description, StringComparison.Ordinal);
        Assert.DoesNotContain("test-password", description, StringComparison.Ordinal);

        var refused = await client.PostAsync("""{ search(text: "python") { node { id } } }""");
        Assert.Equal("STORE_AUTH_FAILED", refused.SingleErrorCode());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_readiness_names_the_failure_but_not_the_server_or_user()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        neo4j.Mode = FakeNeo4jMode.RefusingCredentials;
        await using var app = ServiceOn(neo4j, environment: "Production");

        var (status, description) = await ReadyAsync(app.GraphQL().Http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("STORE_AUTH_FAILED", description, StringComparison.Ordinal);
        Assert.DoesNotContain(neo4j.Uri.Authority, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neo4j_going_down_after_start_fails_requests_with_STORE_UNAVAILABLE_until_it_is_back()
    {
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        await using var app = ServiceOn(neo4j);
        var client = app.GraphQL();
        await WaitUntilReadyAsync(client.Http);

        neo4j.Mode = FakeNeo4jMode.Down;
        Assert.Equal("STORE_UNAVAILABLE", (await client.PostAsync("""{ role(id: "data-scientist") { name } }""")).SingleErrorCode());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReadyAsync(client.Http)).Status);

        neo4j.Mode = FakeNeo4jMode.Up;
        Assert.Null((await client.PostAsync("""{ role(id: "data-scientist") { name } }""")).Errors);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client.Http)).Status);
    }

    [Fact]
    public async Task Every_statement_sent_is_a_catalog_statement_and_user_text_travels_only_as_parameters()
    {
        const string hostile = "x'}) DETACH DELETE n //\" RETURN 1 /*";
        await using var neo4j = await FakeNeo4jServer.StartAsync(TestContext.Current.CancellationToken);
        await using var app = ServiceOn(neo4j);
        var client = app.GraphQL();
        await WaitUntilReadyAsync(client.Http);

        var variables = new { hostile };
        string[] operations =
        [
            "query($hostile: ID!) { role(id: $hostile) { name skills { node { id } } tools { node { id } } similar { role { id } } } }",
            "query($hostile: String!) { search(text: $hostile, kinds: [SKILL, TOOL]) { node { id } } }",
            "query($hostile: String!) { roles(where: { name: { contains: $hostile } }, order: [{ name: DESC }]) { totalCount nodes { id } } }",
            "query($hostile: ID!) { overlap(roleIds: [$hostile, \"data-scientist\"]) { jaccard } }",
            "query($hostile: ID!) { shortestPaths(fromId: $hostile, toId: \"python\", maxHops: 3, via: [REQUIRES, USES]) { length } }",
            "query($hostile: ID!) { skillGap(fromRoleId: $hostile, toRoleId: \"data-scientist\") { coverage } }",
            "query($hostile: ID!) { similarRoles(roleId: $hostile) { score } }",
            "mutation($hostile: String!) { upsertSkill(input: { id: \"hostile-skill\", name: $hostile, aliases: [$hostile] }) { id } }",
            "mutation($hostile: ID!) { link(fromId: $hostile, toId: \"python\", relation: REQUIRES) { relation } }",
            "mutation($hostile: ID!) { deleteNode(id: $hostile, cascade: true) { changed } }",
            "{ exportTaxonomy(format: YAML) }",
        ];
        foreach (var operation in operations)
        {
            var response = await client.PostAsync(operation, variables);
            var codes = (response.Errors ?? []).Select(e => (string?)e!["extensions"]?["code"]).ToArray();
            Assert.DoesNotContain("INTERNAL", codes);
        }

        var catalog = CypherCatalog.All.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        Assert.All(neo4j.Statements, s => Assert.Contains(s.Text, catalog));
        Assert.DoesNotContain(neo4j.Texts, text => text.Contains("DETACH DELETE n //", StringComparison.Ordinal));
        Assert.Contains(neo4j.Statements, s => s.Parameters.ToJsonString().Contains("DETACH DELETE n //", StringComparison.Ordinal));
    }

    private static RoleGraphApiFactory ServiceOn(FakeNeo4jServer neo4j, string? environment = null) => new()
    {
        EnvironmentName = environment,
        Settings =
        {
            ["RoleGraph:Store"] = "Neo4j",
            ["Neo4j:Uri"] = neo4j.Uri.ToString(),

            // The fake speaks the transactional HTTP API's wire format.
            ["Neo4j:Api"] = "Http",
            ["Neo4j:User"] = "neo4j",
            ["Neo4j:Password"] = "test-password",
            ["Neo4j:MaxRetries"] = "0",
            ["Neo4j:RequestTimeout"] = "00:00:05",
        },
    };

    private static int RowsSent(FakeNeo4jServer neo4j, Func<Core.Model.NodeKind, string> statement) =>
        Enum.GetValues<Core.Model.NodeKind>().Select(statement).Sum(text => RowsSent(neo4j, text));

    private static int RowsSent(FakeNeo4jServer neo4j, Func<Core.Model.RelationKind, string> statement) =>
        Enum.GetValues<Core.Model.RelationKind>().Select(statement).Sum(text => RowsSent(neo4j, text));

    private static int RowsSent(FakeNeo4jServer neo4j, string text) =>
        neo4j.Statements.Where(s => s.Text == text).Sum(s => s.Parameters["rows"]!.AsArray().Count);

    private static async Task<(HttpStatusCode Status, string Description)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var check = report.RootElement.GetProperty("checks")[0];
        return (response.StatusCode, check.GetProperty("description").GetString() ?? "");
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + RecoveryWait;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (status, description) = await ReadyAsync(http);
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            last = description;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The service did not become ready within {RecoveryWait}; last reason: {last}");
    }
}
