using System.Text.Json.Nodes;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class OverlapTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Query = """
        query($ids: [ID!]!, $kinds: [NodeKind!]) {
          overlap(roleIds: $ids, kinds: $kinds) {
            roles { id } kinds jaccard
            skills { id } tools { id } responsibilities { id }
            perRole { role { id } skills { id } tools { id } responsibilities { id } } } }
        """;

    private static IEnumerable<string> Ids(JsonNode? list) => list!.AsArray().Select(n => (string)n!["id"]!);

    [Fact]
    public async Task Machine_learning_engineer_and_data_scientist_share_python()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { ids = new[] { "machine-learning-engineer", "data-scientist" } });
        var overlap = data["overlap"]!;

        Assert.Equal(["machine-learning-engineer", "data-scientist"], Ids(overlap["roles"]));
        Assert.Equal(["SKILL", "TOOL", "RESPONSIBILITY"], overlap["kinds"]!.AsArray().Select(k => (string)k!));
        // By name: Programming, Python, Understanding of data and algorithms.
        Assert.Equal(["programming", "python", "data-and-algorithms"], Ids(overlap["skills"]));
        Assert.Empty(overlap["tools"]!.AsArray());
        Assert.Empty(overlap["responsibilities"]!.AsArray());

        var mle = overlap["perRole"]![0]!;
        Assert.Equal("machine-learning-engineer", (string?)mle["role"]!["id"]);
        Assert.Equal(["c", "cloud-services", "java", "machine-learning-frameworks"], Ids(mle["skills"]));
        Assert.Equal(5, mle["tools"]!.AsArray().Count);
        Assert.Equal(7, mle["responsibilities"]!.AsArray().Count);
        var ds = overlap["perRole"]![1]!;
        Assert.Equal(7, ds["skills"]!.AsArray().Count);
        Assert.Equal(["matplotlib", "tableau"], Ids(ds["tools"]));

        // 3 shared of a union of 7 + 10 - 3 skills, 7 tools and 15 responsibilities = 36.
        Assert.Equal(3.0 / 36, (double)overlap["jaccard"]!, 12);
    }

    [Fact]
    public async Task Kinds_restrict_what_is_compared()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { ids = new[] { "data-scientist", "machine-learning-engineer" }, kinds = new[] { "SKILL" } });
        var overlap = data["overlap"]!;

        Assert.Equal(["SKILL"], overlap["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(3.0 / 14, (double)overlap["jaccard"]!, 12);
        Assert.Empty(overlap["perRole"]![0]!["tools"]!.AsArray());
        Assert.Empty(overlap["perRole"]![0]!["responsibilities"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_role_id_is_bad_user_input_naming_it()
    {
        var response = await app.GraphQL().PostAsync(Query, new { ids = new[] { "data-scientist", "astronaut" } });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        var error = response.Errors![0]!;
        Assert.Contains("'astronaut'", (string?)error["message"]);
        Assert.Equal("roleIds", (string?)error["extensions"]!["argument"]);
        Assert.Equal("astronaut", (string?)error["extensions"]!["value"]);
        Assert.Null(response.Data!["overlap"]);
    }

    [Theory]
    [InlineData(new[] { "data-scientist" }, null, "roleIds")]
    [InlineData(new[] { "data-scientist", "data-scientist" }, null, "roleIds")]
    [InlineData(new[] { "data-scientist", "python" }, null, "roleIds")]
    [InlineData(new[] { "data-scientist", "machine-learning-engineer" }, new[] { "ROLE" }, "kinds")]
    [InlineData(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k" }, null, "roleIds")]
    public async Task Wrong_role_sets_are_bad_user_input(string[] ids, string[]? kinds, string argument)
    {
        var response = await app.GraphQL().PostAsync(Query, new { ids, kinds });

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
