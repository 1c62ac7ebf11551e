using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Operations;

/// <summary>The audit trail over HTTP: one JSON line per write that changed the graph, with who, what and the request's ids, and no secret.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Each_write_is_recorded_once_with_its_actor_operation_ids_counts_and_request_id()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("audit.jsonl");
        using var app = new RoleGraphApiFactory();
        app.Settings["RoleGraph:Audit:File"] = file;
        var client = app.GraphQL();

        var write = await client.PostAsync("""
            mutation AddSql {
              upsertSkill(input: { id: "sql", name: "SQL" }) { id }
              link(fromId: "data-scientist", toId: "sql", relation: REQUIRES, importance: 0.8) { importance }
            }
            """);
        Assert.Null(write.Errors);
        var requestId = write.Message.Headers.GetValues("X-Request-Id").Single();

        // Neither a read, nor a refused write, nor a write that changes nothing is a line.
        await client.QueryAsync("""{ skill(id: "sql") { name } }""");
        Assert.NotNull((await client.PostAsync("""mutation { deleteNode(id: "astronaut") { changed } }""")).Errors);
        await client.QueryAsync("""mutation Again { upsertSkill(input: { id: "sql", name: "SQL" }) { id } }""");

        var lines = File.ReadAllLines(file);
        Assert.Equal(2, lines.Length);
        var skill = JsonNode.Parse(lines[0])!;
        Assert.Equal("key:tests", (string)skill["actor"]!);
        Assert.Equal("mutation AddSql { upsertSkill link }", (string)skill["operation"]!);
        Assert.Equal("""["sql"]""", skill["ids"]!.ToJsonString());
        Assert.Equal(1, (int)skill["nodes"]!["created"]!);
        Assert.Equal(0, (int)skill["links"]!["created"]!);
        Assert.Equal(requestId, (string)skill["requestId"]!);
        Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)skill["at"]! < TimeSpan.FromMinutes(5));

        var link = JsonNode.Parse(lines[1])!;
        Assert.Equal("data-scientist -REQUIRES-> sql", (string)Assert.Single(link["ids"]!.AsArray())!);
        Assert.Contains("data-scientist -REQUIRES-> sql", lines[1], StringComparison.Ordinal); // readable in the file, not \u003E
        Assert.Equal(1, (int)link["links"]!["created"]!);
        Assert.Equal(requestId, (string)link["requestId"]!);

        Assert.DoesNotContain(RoleGraphApiFactory.TestApiKey, File.ReadAllText(file), StringComparison.Ordinal);
    }
}
