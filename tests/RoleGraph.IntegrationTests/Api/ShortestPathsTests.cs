using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class ShortestPathsTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Query = """
        query($from: ID!, $to: ID!, $maxHops: Int, $via: [RelationKind!], $first: Int) {
          shortestPaths(fromId: $from, toId: $to, maxHops: $maxHops, via: $via, first: $first) {
            length nodes { id __typename } steps { from { id } to { id } relation forward } } }
        """;

    [Fact]
    public async Task Roles_connect_in_two_hops_through_each_shared_skill_in_id_order()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "machine-learning-engineer", to = "data-scientist" });
        var paths = data["shortestPaths"]!.AsArray();

        Assert.Equal(
            ["data-and-algorithms", "programming", "python"],
            paths.Select(p => (string)p!["nodes"]![1]!["id"]!));
        Assert.All(paths, p =>
        {
            Assert.Equal(2, (int)p!["length"]!);
            Assert.Equal("machine-learning-engineer", (string?)p["nodes"]![0]!["id"]);
            Assert.Equal("data-scientist", (string?)p["nodes"]![2]!["id"]);
            Assert.Equal("Skill", (string?)p["nodes"]![1]!["__typename"]);
        });

        var throughPython = paths[2]!["steps"]!.AsArray();
        Assert.Equal(("machine-learning-engineer", "python", "REQUIRES", true),
            ((string)throughPython[0]!["from"]!["id"]!, (string)throughPython[0]!["to"]!["id"]!, (string)throughPython[0]!["relation"]!, (bool)throughPython[0]!["forward"]!));
        Assert.Equal(("python", "data-scientist", "REQUIRES", false),
            ((string)throughPython[1]!["from"]!["id"]!, (string)throughPython[1]!["to"]!["id"]!, (string)throughPython[1]!["relation"]!, (bool)throughPython[1]!["forward"]!));
    }

    [Fact]
    public async Task First_keeps_the_earliest_paths()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "machine-learning-engineer", to = "data-scientist", first = 1 });
        Assert.Equal("data-and-algorithms", (string?)Assert.Single(data["shortestPaths"]!.AsArray())!["nodes"]![1]!["id"]);
    }

    [Fact]
    public async Task Via_limits_the_relations_crossed()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "tensorflow", to = "data-scientist", via = new[] { "USES", "SUPPORTS", "REQUIRES" } });
        var paths = data["shortestPaths"]!.AsArray();

        // tensorflow -USES- machine-learning-engineer -REQUIRES- {shared skill} -REQUIRES- data-scientist
        Assert.All(paths, p => Assert.Equal(3, (int)p!["length"]!));
        Assert.Equal(3, paths.Count);

        var none = await app.GraphQL().QueryAsync(Query, new { from = "tensorflow", to = "data-scientist", via = new[] { "IN_CATEGORY" } });
        Assert.Empty(none["shortestPaths"]!.AsArray());
    }

    [Fact]
    public async Task Paths_longer_than_max_hops_are_not_found()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "machine-learning-engineer", to = "data-scientist", maxHops = 1 });
        Assert.Empty(data["shortestPaths"]!.AsArray());
    }

    [Fact]
    public async Task A_node_to_itself_is_one_empty_path()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "python", to = "python" });
        var path = Assert.Single(data["shortestPaths"]!.AsArray());
        Assert.Equal(0, (int)path!["length"]!);
        Assert.Empty(path["steps"]!.AsArray());
    }

    [Theory]
    [InlineData("nope", "python", 4, 10, "fromId")]
    [InlineData("python", "nope", 4, 10, "toId")]
    [InlineData("python", "java", 9, 10, "maxHops")]
    [InlineData("python", "java", 0, 10, "maxHops")]
    [InlineData("python", "java", 4, 101, "first")]
    public async Task Bad_arguments_are_bad_user_input(string from, string to, int maxHops, int first, string argument)
    {
        // Only `length`: a full selection of 101 paths would be refused by the cost limit before the range check.
        var response = await app.GraphQL().PostAsync(
            "query($from: ID!, $to: ID!, $maxHops: Int, $first: Int) { shortestPaths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first) { length } }",
            new { from, to, maxHops, first });

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
