using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class SimilarRolesTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    // Machine Learning Engineer's weights sum to 8.3, Data Scientist's to 8.8; they share programming (1),
    // data and algorithms (1) and python (0.6): 2.6 / (8.3 + 8.8 - 2.6).
    private const double Expected = 2.6 / 14.5;

    [Fact]
    public async Task Similar_roles_are_scored_by_weighted_jaccard_with_shared_items()
    {
        var data = await app.GraphQL().QueryAsync("""
            { similarRoles(roleId: "machine-learning-engineer") { role { id } score shared { id } }
              role(id: "data-scientist") { similar(first: 1) { role { id } score } } }
            """);

        var similar = Assert.Single(data["similarRoles"]!.AsArray());
        Assert.Equal("data-scientist", (string?)similar!["role"]!["id"]);
        Assert.Equal(Expected, (double)similar["score"]!, 12);
        Assert.Equal(["programming", "python", "data-and-algorithms"], similar["shared"]!.AsArray().Select(s => (string)s!["id"]!));

        var fromRole = Assert.Single(data["role"]!["similar"]!.AsArray());
        Assert.Equal("machine-learning-engineer", (string?)fromRole!["role"]!["id"]);
        Assert.Equal(Expected, (double)fromRole["score"]!, 12);
    }

    [Theory]
    [InlineData("{ similarRoles(roleId: \"nope\") { score } }", "roleId")]
    [InlineData("{ similarRoles(roleId: \"python\") { score } }", "roleId")]
    [InlineData("{ similarRoles(roleId: \"data-scientist\", first: 0) { score } }", "first")]
    public async Task Bad_arguments_are_bad_user_input(string query, string argument)
    {
        var response = await app.GraphQL().PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
