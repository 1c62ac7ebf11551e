using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class SimilarRolesTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    // The seed's two roles: what both hold is held by every role, so shared tools and words weigh nothing and the
    // score is the skills facet alone: its share (weight 1 of 1 + 1 + 2, all three facets present in both) times the
    // cosine of the importance × level vectors. Machine Learning Engineer: programming 1, python .6, java .6, c .6,
    // ML frameworks .8, cloud .7, data and algorithms 1 (norm² 4.21); Data Scientist: statistics 1, visualization 1,
    // programming 1, python .6, r .6, data analysis .6, mining .6, A/B .6, stakeholders .6, data and algorithms 1
    // (norm² 6.16); dot 1 + .36 + 1 = 2.36.
    private static readonly double Expected = 0.25 * 2.36 / Math.Sqrt(4.21 * 6.16);

    [Fact]
    public async Task Similar_roles_are_scored_by_their_content_with_the_reasons()
    {
        var data = await app.GraphQL().QueryAsync("""
            { similarRoles(roleId: "machine-learning-engineer") { role { id } score shared { id }
                facets { facet cosine share contribution } sharedItems { node { id } facet contribution } sharedTerms { term } }
              role(id: "data-scientist") { similar(first: 1) { role { id } score } } }
            """);

        var similar = Assert.Single(data["similarRoles"]!.AsArray());
        Assert.Equal("data-scientist", (string?)similar!["role"]!["id"]);
        Assert.Equal(Expected, (double)similar["score"]!, 12);
        Assert.Equal(["programming", "python", "data-and-algorithms"], similar["shared"]!.AsArray().Select(s => (string)s!["id"]!));
        var skills = similar["facets"]!.AsArray().Single(f => (string?)f!["facet"] == "skills")!;
        Assert.Equal(0.25, (double)skills["share"]!, 12);
        Assert.Equal(Expected, (double)skills["contribution"]!, 12);
        // Each shared skill adds share × its two normalized weights: programming and data and algorithms 1 × 1, python .6 × .6.
        var items = similar["sharedItems"]!.AsArray().ToDictionary(i => (string)i!["node"]!["id"]!, i => (double)i!["contribution"]!);
        Assert.Equal(0.25 / Math.Sqrt(4.21 * 6.16), items["programming"], 12);
        Assert.Equal(0.25 * 0.36 / Math.Sqrt(4.21 * 6.16), items["python"], 12);
        Assert.Empty(similar["sharedTerms"]!.AsArray());

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
