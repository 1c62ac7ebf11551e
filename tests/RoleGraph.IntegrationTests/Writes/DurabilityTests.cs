using System.Globalization;
using System.Net;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>
/// Acknowledged writes survive a restart on the same data file; concurrent writers all land; GET never writes.
/// The data file is locked per process, so each first service is disposed before the second starts.
/// </summary>
public sealed class DurabilityTests
{
    private static RoleGraphApiFactory Restarted(string directory)
    {
        var app = new RoleGraphApiFactory { DataDirectory = directory };
        // Reading the data file, not the seed, is what brings the graph back.
        app.Settings["RoleGraph:Seed:LoadWhenEmpty"] = "false";
        app.Settings["RoleGraph:Seed:Path"] = "does-not-exist";
        return app;
    }

    [Fact]
    public async Task Writes_acknowledged_over_http_are_present_after_a_restart()
    {
        using var directory = new TempDirectory();
        string before;
        using (var first = new RoleGraphApiFactory { DataDirectory = directory.Path })
        {
            var client = first.GraphQL();
            await client.QueryAsync("""
                mutation {
                  a: upsertRole(input: { id: "data-engineer", name: "Data Engineer", properties: [{ key: "primaryFocus", value: "Pipelines" }] }) { id }
                  b: upsertSkill(input: { id: "sql", name: "SQL", aliases: ["Structured Query Language"] }) { id }
                  c: link(fromId: "data-engineer", toId: "sql", relation: REQUIRES, importance: 0.9, level: 0.4) { relation }
                  d: link(fromId: "data-scientist", toId: "python", relation: REQUIRES, importance: 0.95) { relation }
                  e: unlink(fromId: "machine-learning-engineer", toId: "java", relation: REQUIRES) { changed }
                  f: deleteNode(id: "matplotlib", cascade: true) { changed }
                  g: upsertCategory(input: { id: "databases", name: "Databases" }) { id }
                  h: link(fromId: "sql", toId: "databases", relation: IN_CATEGORY) { relation }
                }
                """);
            await client.QueryAsync("""
                mutation($document: String!) { importTaxonomy(document: $document, format: JSON) { changed } }
                """, new { document = """{ "formatVersion": 1, "taxonomy": { "name": "More", "license": "CC0" }, "nodes": [{ "id": "dbt", "kind": "Tool", "name": "dbt" }] }""" });
            before = await client.ExportAsync();
        }

        using var second = Restarted(directory.Path);
        var restarted = second.GraphQL();

        Assert.Equal(before, await restarted.ExportAsync());
        var data = await restarted.QueryAsync("""
            { role(id: "data-engineer") { primaryFocus skills { skill { id } importance level } }
              ds: role(id: "data-scientist") { skills { skill { id } importance } }
              mle: role(id: "machine-learning-engineer") { skills { skill { id } } }
              matplotlib: node(id: "matplotlib") { id } dbt: tool(id: "dbt") { name }
              sql: skill(id: "sql") { categories { id } } }
            """);
        Assert.Equal("Pipelines", (string?)data["role"]!["primaryFocus"]);
        Assert.Equal(0.4, (double)data["role"]!["skills"]![0]!["level"]!);
        Assert.Equal(0.95, (double)data["ds"]!["skills"]!.AsArray().Single(s => (string?)s!["skill"]!["id"] == "python")!["importance"]!);
        Assert.DoesNotContain("java", data["mle"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));
        Assert.Null(data["matplotlib"]);
        Assert.Equal("dbt", (string?)data["dbt"]!["name"]);
        Assert.Equal(["databases"], data["sql"]!["categories"]!.AsArray().Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task A_replace_import_survives_a_restart_without_reseeding()
    {
        using var directory = new TempDirectory();
        string before;
        using (var first = new RoleGraphApiFactory { DataDirectory = directory.Path })
        {
            var client = first.GraphQL();
            await client.QueryAsync("""
                mutation($document: String!) { importTaxonomy(document: $document, format: YAML, mode: REPLACE) { changed } }
                """, new { document = "formatVersion: 1\ntaxonomy: { name: Tiny }\nnodes:\n  - { id: only-skill, kind: Skill, name: Only skill }\n" });
            before = await client.ExportAsync();
        }

        // Seeding stays on: the store is not empty, so the seed must not come back.
        using var second = new RoleGraphApiFactory { DataDirectory = directory.Path };
        var data = await second.GraphQL().QueryAsync("{ skills { totalCount } roles { totalCount } }");

        Assert.Equal(1, (int)data["skills"]!["totalCount"]!);
        Assert.Equal(0, (int)data["roles"]!["totalCount"]!);
        Assert.Equal(before, await second.GraphQL().ExportAsync());
    }

    [Fact]
    public async Task A_real_mutation_over_get_is_405_and_writes_nothing()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        foreach (var mutation in new[]
        {
            """mutation { upsertSkill(input: { id: "via-get", name: "Via GET" }) { id } }""",
            """mutation { deleteNode(id: "python", cascade: true) { changed } }""",
            """mutation Write { link(fromId: "data-scientist", toId: "java", relation: REQUIRES) { relation } }""",
        })
        {
            var response = await client.GetAsync("query=" + Uri.EscapeDataString(mutation));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
            Assert.Equal("POST", response.Message.Content.Headers.Allow.Single());
            Assert.Equal("BAD_REQUEST", response.SingleErrorCode());
        }

        // A mutation chosen by operationName from a document that also holds a query is refused the same way.
        var mixed = Uri.EscapeDataString("""query Read { roles { totalCount } } mutation Write { upsertSkill(input: { id: "via-get", name: "Via GET" }) { id } }""");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync($"query={mixed}&operationName=Write")).Status);

        Assert.Null((await client.QueryAsync("""{ skill(id: "via-get") { id } }"""))["skill"]);
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_upserts_and_links_are_all_present_and_survive_a_restart()
    {
        const int count = 50;
        using var directory = new TempDirectory();
        string before;
        using (var first = new RoleGraphApiFactory { DataDirectory = directory.Path })
        {
            var client = first.GraphQL();
            await client.ExportAsync(); // started and seeded before the writers race

            await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
            {
                var id = $"concurrent-skill-{i}";
                var importance = (i + 1) / (double)count;
                await client.QueryAsync(
                    "mutation($input: NodeInput!) { upsertSkill(input: $input) { id } }",
                    new { input = new { id, name = $"Concurrent skill {i}", aliases = new[] { $"CS{i}" } } });
                await client.QueryAsync(
                    "mutation($id: ID!, $importance: Float) { link(fromId: \"data-scientist\", toId: $id, relation: REQUIRES, importance: $importance) { importance } }",
                    new { id, importance });
            }, TestContext.Current.CancellationToken)));

            await AssertAllPresentAsync(client, count);
            before = await client.ExportAsync();
        }

        using var second = Restarted(directory.Path);
        await AssertAllPresentAsync(second.GraphQL(), count);
        Assert.Equal(before, await second.GraphQL().ExportAsync());
    }

    [Fact]
    public async Task Concurrent_upserts_of_one_node_leave_one_of_the_written_versions()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        await client.ExportAsync();

        var names = Enumerable.Range(0, 20).Select(i => $"Version {i}").ToArray();
        await Task.WhenAll(names.Select(name => client.QueryAsync(
            "mutation($input: NodeInput!) { upsertTool(input: $input) { id } }", new { input = new { id = "contested-tool", name } })));

        var data = await client.QueryAsync("""{ tools(where: { id: { eq: "contested-tool" } }) { totalCount nodes { name } } }""");
        Assert.Equal(1, (int)data["tools"]!["totalCount"]!);
        Assert.Contains((string?)data["tools"]!["nodes"]![0]!["name"], names);
    }

    private static async Task AssertAllPresentAsync(GraphQLClient client, int count)
    {
        var data = await client.QueryAsync("""
            { skills(where: { id: { startsWith: "concurrent-skill-" } }, first: 100) { totalCount nodes { id aliases } }
              role(id: "data-scientist") { skills { skill { id } importance } } }
            """);
        Assert.Equal(count, (int)data["skills"]!["totalCount"]!);
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"concurrent-skill-{i}").Order(StringComparer.Ordinal),
            data["skills"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).Order(StringComparer.Ordinal));
        var requirements = data["role"]!["skills"]!.AsArray()
            .Where(s => ((string)s!["skill"]!["id"]!).StartsWith("concurrent-skill-", StringComparison.Ordinal))
            .ToDictionary(s => (string)s!["skill"]!["id"]!, s => (double)s!["importance"]!);
        Assert.Equal(count, requirements.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((i + 1) / (double)count, requirements[string.Create(CultureInfo.InvariantCulture, $"concurrent-skill-{i}")]);
        }
    }
}
