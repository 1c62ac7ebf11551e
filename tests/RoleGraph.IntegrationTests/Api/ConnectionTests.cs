using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>Lists as Hot Chocolate-style cursor connections: paging, filtering, ordering, limits.</summary>
public sealed class ConnectionTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    [Fact]
    public async Task Every_list_has_total_count_nodes_edges_and_page_info()
    {
        var data = await app.GraphQL().QueryAsync("""
            { roles { totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
              skills { totalCount } tools { totalCount } responsibilities { totalCount } categories { totalCount } }
            """);

        Assert.Equal(2, (int)data["roles"]!["totalCount"]!);
        Assert.Equal(["data-scientist", "machine-learning-engineer"], data["roles"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        var edges = data["roles"]!["edges"]!.AsArray();
        Assert.Equal((string?)edges[0]!["cursor"], (string?)data["roles"]!["pageInfo"]!["startCursor"]);
        Assert.Equal((string?)edges[1]!["cursor"], (string?)data["roles"]!["pageInfo"]!["endCursor"]);
        Assert.False((bool)data["roles"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(14, (int)data["skills"]!["totalCount"]!);
        Assert.Equal(7, (int)data["tools"]!["totalCount"]!);
        Assert.Equal(15, (int)data["responsibilities"]!["totalCount"]!);
        Assert.Equal(8, (int)data["categories"]!["totalCount"]!);
    }

    [Fact]
    public async Task Forward_paging_walks_the_whole_list_once()
    {
        var client = app.GraphQL();
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var data = await client.QueryAsync(
                "query($after: String) { skills(first: 4, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
                new { after });
            var page = data["skills"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            Assert.Equal(after is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while (hasNext);

        Assert.Equal(14, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("ab-testing", seen[0]); // "A/B testing" sorts first by name
    }

    [Fact]
    public async Task Backward_paging_takes_the_last_items_before_a_cursor()
    {
        var client = app.GraphQL();
        var all = await client.QueryAsync("{ tools(first: 100) { edges { cursor node { id } } } }");
        var edges = all["tools"]!["edges"]!.AsArray();
        var before = (string)edges[5]!["cursor"]!;

        var data = await client.QueryAsync("query($b: String) { tools(last: 2, before: $b) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }", new { b = before });

        Assert.Equal([(string)edges[3]!["node"]!["id"]!, (string)edges[4]!["node"]!["id"]!], data["tools"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.True((bool)data["tools"]!["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)data["tools"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Default_page_is_20()
    {
        var data = await app.GraphQL().QueryAsync("{ responsibilities { nodes { id } } }");
        Assert.Equal(15, data["responsibilities"]!["nodes"]!.AsArray().Count);
        var page = await app.GraphQL().QueryAsync("{ responsibilities(first: 100) { totalCount } }");
        Assert.Equal(15, (int)page["responsibilities"]!["totalCount"]!);
    }

    [Fact]
    public async Task Where_filters_id_and_name_case_insensitively()
    {
        var data = await app.GraphQL().QueryAsync("""
            { contains: skills(where: { name: { contains: "DATA" } }) { nodes { id } }
              starts: tools(where: { name: { startsWith: "py" } }) { nodes { id } }
              eq: skills(where: { id: { eq: "PYTHON" } }) { nodes { id } }
              in: tools(where: { id: { in: ["aws", "gcp", "nope"] } }) { totalCount }
              or: tools(where: { or: [{ name: { eq: "tableau" } }, { id: { startsWith: "mat" } }] }) { nodes { id } }
              and: skills(where: { and: [{ name: { contains: "data" } }, { name: { ncontains: "mining" } }] }) { nodes { id } } }
            """);

        Assert.Equal(["data-analysis", "data-mining", "data-visualization", "data-and-algorithms"], data["contains"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(["pytorch"], data["starts"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(["python"], data["eq"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(2, (int)data["in"]!["totalCount"]!);
        Assert.Equal(["matplotlib", "tableau"], data["or"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(["data-analysis", "data-visualization", "data-and-algorithms"], data["and"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
    }

    [Fact]
    public async Task Order_sorts_by_name_or_id_in_either_direction()
    {
        var data = await app.GraphQL().QueryAsync("""
            { byNameDesc: roles(order: [{ name: DESC }]) { nodes { id } }
              byIdDesc: tools(first: 3, order: [{ id: DESC }]) { nodes { id } } }
            """);

        Assert.Equal(["machine-learning-engineer", "data-scientist"], data["byNameDesc"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal(["tensorflow", "tableau", "pytorch"], data["byIdDesc"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
    }

    [Theory]
    [InlineData("{ roles(first: 101) { totalCount } }", "first")]
    [InlineData("{ roles(last: -1) { totalCount } }", "last")]
    [InlineData("{ roles(after: \"not-a-cursor\") { totalCount } }", "after")]
    public async Task Out_of_range_page_arguments_are_bad_user_input(string query, string argument)
    {
        var response = await app.GraphQL().PostAsync(query);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
        Assert.Equal(["roles"], response.Errors![0]!["path"]!.AsArray().Select(p => (string)p!));
    }
}
