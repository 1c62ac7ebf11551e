using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>
/// Issue 16 over HTTP on the seed: lists filtered by links and properties, connections beside the relation lists,
/// facets over roles, their input errors and their cost. Expected answers are read off seed/article.taxonomy.yaml by hand.
/// </summary>
public sealed class QueryPowerTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private static string[] Ids(JsonNode? list) => list!.AsArray().Select(n => (string)n!["id"]!).ToArray();

    [Fact]
    public async Task Lists_filter_by_links_edge_weights_and_properties()
    {
        var data = await app.GraphQL().QueryAsync("""
            { pythonAndAws: roles(where: { skills: { some: { id: { eq: "python" } } }, tools: { some: { name: { eq: "aws" } } } }) { nodes { id } }
              programmingAt07: roles(where: { skills: { some: { id: { eq: "programming" }, importance: { gte: 0.7 } } } }) { nodes { id } }
              pythonAt07: roles(where: { skills: { some: { id: { eq: "python" }, importance: { gte: 0.7 } } } }) { totalCount }
              allSkillsAt06Or1: roles(where: { skills: { all: { importance: { in: [0.6, 1] } } } }) { nodes { id } }
              notAt08: roles(where: { not: { skills: { some: { importance: { eq: 0.8 } } } }, name: { startsWith: "DATA" } }) { nodes { id } }
              languages: skills(where: { categories: { some: { name: { eq: "Programming languages" } } } }) { nodes { id } }
              unused: tools(where: { roles: { any: false } }) { totalCount }
              leaves: categories(where: { subcategories: { any: false }, skills: { any: true } }) { nodes { id } }
              focus: roles(where: { properties: { some: { key: { eq: "PRIMARYFOCUS" }, value: { contains: "datasets" } } } }) { nodes { id } } }
            """);

        Assert.Equal(["machine-learning-engineer"], Ids(data["pythonAndAws"]!["nodes"]));
        Assert.Equal(["data-scientist", "machine-learning-engineer"], Ids(data["programmingAt07"]!["nodes"]));
        Assert.Equal(0, (int)data["pythonAt07"]!["totalCount"]!);
        Assert.Equal(["data-scientist"], Ids(data["allSkillsAt06Or1"]!["nodes"])); // the engineer needs one skill at 0.8, one at 0.7
        Assert.Equal(["data-scientist"], Ids(data["notAt08"]!["nodes"]));
        Assert.Equal(["c", "java", "python", "r"], Ids(data["languages"]!["nodes"]));
        Assert.Equal(0, (int)data["unused"]!["totalCount"]!);
        Assert.Equal(["business-skills", "programming-languages"], Ids(data["leaves"]!["nodes"])); // data analytics and machine learning have subcategories
        Assert.Equal(["data-scientist"], Ids(data["focus"]!["nodes"]));
    }

    [Fact]
    public async Task A_skills_connection_filters_orders_pages_and_counts_beside_the_unchanged_list()
    {
        const string query = """
            query($after: String) { role(id: "data-scientist") {
                skills { skill { id } }
                skillsConnection(first: 3, after: $after, where: { importance: { lt: 1 } }, order: [{ name: ASC }]) {
                  totalCount importance { count min max avg } level { count }
                  edges { cursor importance node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }
            """;
        var client = app.GraphQL();
        var first = (await client.QueryAsync(query))["role"]!;
        var connection = first["skillsConnection"]!;
        var next = (await client.QueryAsync(query, new { after = (string)connection["pageInfo"]!["endCursor"]! }))["role"]!["skillsConnection"]!;

        Assert.Equal(10, first["skills"]!.AsArray().Count);
        Assert.Equal(6, (int)connection["totalCount"]!);
        Assert.Equal("""{"count":6,"min":0.6,"max":0.6,"avg":0.6}""", connection["importance"]!.ToJsonString());
        Assert.Null(connection["level"]);
        Assert.Equal(["ab-testing", "stakeholder-communication", "data-analysis"], connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
        Assert.All(connection["edges"]!.AsArray(), e => Assert.Equal(0.6, (double)e!["importance"]!));
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(["data-mining", "python", "r"], next["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
        Assert.False((bool)next["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)next["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Connections_from_skills_tools_and_categories_count_roles_and_importance()
    {
        var data = await app.GraphQL().QueryAsync("""
            { skill(id: "python") { rolesConnection { totalCount importance { avg } nodes { id } } categoriesConnection { nodes { id } } }
              tool(id: "aws") { rolesConnection { totalCount } categoriesConnection { nodes { id } } }
              category(id: "programming-languages") { skillsConnection(last: 2) { totalCount nodes { id } } toolsConnection { totalCount } parentsConnection { nodes { id } } } }
            """);

        Assert.Equal(2, (int)data["skill"]!["rolesConnection"]!["totalCount"]!);
        Assert.Equal(0.6, (double)data["skill"]!["rolesConnection"]!["importance"]!["avg"]!);
        Assert.Equal(["data-scientist", "machine-learning-engineer"], Ids(data["skill"]!["rolesConnection"]!["nodes"]));
        Assert.Equal(["programming-languages"], Ids(data["skill"]!["categoriesConnection"]!["nodes"]));
        Assert.Equal(1, (int)data["tool"]!["rolesConnection"]!["totalCount"]!);
        Assert.Equal(["cloud-platforms"], Ids(data["tool"]!["categoriesConnection"]!["nodes"]));
        Assert.Equal(4, (int)data["category"]!["skillsConnection"]!["totalCount"]!);
        Assert.Equal(["python", "r"], Ids(data["category"]!["skillsConnection"]!["nodes"]));
        Assert.Equal(0, (int)data["category"]!["toolsConnection"]!["totalCount"]!);
        Assert.Equal(["technology"], Ids(data["category"]!["parentsConnection"]!["nodes"]));
    }

    [Fact]
    public async Task Top_items_rank_what_most_matching_roles_hold()
    {
        var data = await app.GraphQL().QueryAsync("""
            { both: topItems(roleIds: ["machine-learning-engineer", "data-scientist"], kinds: [SKILL], first: 3) {
                roleCount items { node { id } roleCount share importance { min max avg count } } }
              engineers: topItems(where: { name: { contains: "engineer" } }, first: 2) { roleCount items { node { id __typename } roleCount } }
              none: topItems(where: { tools: { some: { id: { eq: "no-such-tool" } } } }) { roleCount items { roleCount } } }
            """);

        Assert.Equal(2, (int)data["both"]!["roleCount"]!);
        Assert.Equal(["programming", "data-and-algorithms", "python"], data["both"]!["items"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.All(data["both"]!["items"]!.AsArray(), i => Assert.Equal(1.0, (double)i!["share"]!));
        Assert.Equal("""{"min":0.6,"max":0.6,"avg":0.6,"count":2}""", data["both"]!["items"]![2]!["importance"]!.ToJsonString());
        // The engineer's skills at importance 1 first, by name: Programming, then Understanding of data and algorithms.
        Assert.Equal(1, (int)data["engineers"]!["roleCount"]!);
        Assert.Equal(["programming", "data-and-algorithms"], data["engineers"]!["items"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.Equal("Skill", (string)data["engineers"]!["items"]![0]!["node"]!["__typename"]!);
        Assert.Equal("""{"roleCount":0,"items":[]}""", data["none"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{ role(id: "data-scientist") { skillsConnection(first: 101) { totalCount } } }""", "first", "role,skillsConnection")]
    [InlineData("""{ role(id: "data-scientist") { skillsConnection(after: "not a cursor") { totalCount } } }""", "after", "role,skillsConnection")]
    [InlineData("""{ topItems(roleIds: ["data-scientist", "no-such-role"]) { roleCount } }""", "roleIds", "topItems")]
    [InlineData("""{ topItems(roleIds: ["python"]) { roleCount } }""", "roleIds", "topItems")]
    [InlineData("""{ topItems(kinds: [CATEGORY]) { roleCount } }""", "kinds", "topItems")]
    [InlineData("""{ topItems(first: 0) { roleCount } }""", "first", "topItems")]
    [InlineData("""{ roles(first: 101, where: { skills: { any: true } }) { totalCount } }""", "first", "roles")]
    public async Task Bad_arguments_are_BAD_USER_INPUT_naming_the_argument_and_the_path(string query, string argument, string path)
    {
        var response = await app.GraphQL().PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
        Assert.Equal(path, string.Join(",", response.Errors![0]!["path"]!.AsArray().Select(p => (string)p!)));
    }

    [Fact]
    public async Task The_cost_limit_counts_the_pages_of_nested_connections()
    {
        // 100 roles × a connection of 100 skills each, with nested fields: far beyond 5000.
        var big = await app.GraphQL().PostAsync("""
            { roles(first: 100) { nodes { skillsConnection(first: 100) { edges { importance node { id name } } } } } }
            """);
        // The same shape with small pages stays within the limit.
        var small = await app.GraphQL().PostAsync("""
            { roles(first: 10) { nodes { skillsConnection(first: 10) { edges { importance node { id name } } } } } }
            """);
        // Without first, a nested connection counts its default page (20), not GraphQL.NET's guess of 5.
        var unpaged = await app.GraphQL().PostAsync("""
            { roles(first: 100) { nodes { skillsConnection { nodes { id name } } toolsConnection { nodes { id name } } } } }
            """);

        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", big.SingleErrorCode());
        Assert.Null(small.Errors);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", unpaged.SingleErrorCode());
    }
}
