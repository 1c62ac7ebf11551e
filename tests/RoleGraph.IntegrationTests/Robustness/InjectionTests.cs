using System.Text.Json.Nodes;

namespace RoleGraph.Tests.Robustness;

/// <summary>Text shaped like Cypher (or GraphQL, or JSON) injection is data in every string argument, nothing more.</summary>
public sealed class InjectionTests
{
    public static readonly string[] Payloads =
    [
        "x' }) MATCH (n) DETACH DELETE n //",
        "\") RETURN 1 UNION MATCH (n) RETURN n //",
        "x\"}) MATCH (n) SET n.name = 'pwned' RETURN n //",
        "$param",
        "{id: 1}",
        "`data-scientist` OR 1=1",
        "data-scientist' OR '1'='1",
        "}) CALL db.labels() YIELD label RETURN label //",
        "'; DROP TABLE nodes; --",
        "mutation { deleteNode(id: \"data-scientist\", cascade: true) { changed } }",
        "{\"formatVersion\":1,\"nodes\":[]}",
        "../../etc/passwd",
    ];

    public static TheoryData<int> Indexes => new(Enumerable.Range(0, Payloads.Length));

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task Queries_take_the_text_as_data_and_change_nothing(int index)
    {
        var s = Payloads[index];
        using var app = UnusualStringTests.Fast();
        var client = app.GraphQL();
        var before = await client.ExportJsonAsync();

        foreach (var (label, document) in UnusualStringTests.QueryDocuments)
        {
            var response = await client.SendAsync(document, new { s });
            Assert.True(response.Refused() || response.Data is not null, $"{label}: {response.Text}");
        }

        var search = await client.SendAsync("query($s: String!) { search(text: $s) { node { id } } skills(where: { name: { contains: $s } }) { totalCount } }", new { s });
        Assert.False(search.Refused(), search.Text);
        Assert.Empty(search.Data!["search"]!.AsArray());
        Assert.Equal(0, (int)search.Data["skills"]!["totalCount"]!);

        foreach (var (label, document) in UnusualStringTests.IdMutations)
        {
            var response = await client.SendAsync(document, new { s });
            Assert.True(response.Refused(), $"{label}: accepted: {response.Text}");
        }

        Assert.Equal(before, await client.ExportJsonAsync());
        await client.AssertAliveAsync();
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task A_node_named_with_the_text_round_trips_and_nothing_else_changes(int index)
    {
        var s = Payloads[index];
        using var app = UnusualStringTests.Fast();
        var client = app.GraphQL();
        var before = JsonNode.Parse(await client.ExportJsonAsync())!;

        var upsert = await client.SendAsync(
            "mutation($input: NodeInput!) { upsertSkill(input: $input) { id } }",
            new { input = new { id = "injected", name = s, description = s, aliases = new[] { s + " alias" }, properties = new[] { new { key = s, value = s } } } });
        Assert.False(upsert.Refused(), upsert.Text);
        var link = await client.SendAsync("mutation { link(fromId: \"data-scientist\", toId: \"injected\", relation: REQUIRES, importance: 0.25) { importance } }");
        Assert.False(link.Refused(), link.Text);

        var read = await client.SendAsync(
            "query($s: String!) { skill(id: \"injected\") { name description aliases properties { key value } } search(text: $s) { node { id } } skills(where: { name: { eq: $s } }) { nodes { id } } }",
            new { s });
        Assert.False(read.Refused(), read.Text);
        var skill = read.Data!["skill"]!;
        Assert.Equal(s, (string?)skill["name"]);
        Assert.Equal(s, (string?)skill["description"]);
        Assert.Equal([s + " alias"], skill["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal($"{s}={s}", string.Join(";", skill["properties"]!.AsArray().Select(p => $"{p!["key"]}={p["value"]}")));
        Assert.Equal("injected", (string?)read.Data["search"]![0]!["node"]!["id"]);
        Assert.Equal(["injected"], read.Data["skills"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));

        // Everything else is as it was: the same nodes, and the same links plus the one added.
        var after = JsonNode.Parse(await client.ExportJsonAsync())!;
        var nodesAfter = after["nodes"]!.AsArray().Where(n => (string?)n!["id"] != "injected").Select(n => n!.ToJsonString()).ToArray();
        Assert.Equal(before["nodes"]!.AsArray().Select(n => n!.ToJsonString()), nodesAfter);
        var linksAfter = after["links"]!.AsArray().Where(l => (string?)l!["to"] != "injected").Select(l => l!.ToJsonString()).ToArray();
        Assert.Equal(before["links"]!.AsArray().Select(l => l!.ToJsonString()), linksAfter);
        Assert.Equal(before["links"]!.AsArray().Count + 1, after["links"]!.AsArray().Count);

        // Imported the same way, the text is data too.
        var document = RobustRequests.Json(new Dictionary<string, object>
        {
            ["formatVersion"] = 1,
            ["taxonomy"] = new { name = s },
            ["nodes"] = new object[] { new { id = "injected-import", kind = "Tool", name = s, aliases = new[] { s + " tool" } } },
            ["links"] = Array.Empty<object>(),
        });
        var imported = await client.SendAsync("mutation($d: String!) { importTaxonomy(document: $d, format: JSON) { nodes { created updated } } }", new { d = document });
        Assert.False(imported.Refused(), imported.Text);
        Assert.Equal(1, (int)imported.Data!["importTaxonomy"]!["nodes"]!["created"]!);
        var tool = await client.SendAsync("{ tool(id: \"injected-import\") { name aliases } skills { totalCount } roles { totalCount } }");
        Assert.Equal(s, (string?)tool.Data!["tool"]!["name"]);
        await client.AssertAliveAsync();
    }
}
