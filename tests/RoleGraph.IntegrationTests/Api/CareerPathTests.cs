using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

/// <summary>careerPath over HTTP on the seed: its two roles are 0.116 alike (see SimilarRolesTests), so a step between
/// them counts only where the least step score is set below that.</summary>
public sealed class CareerPathTests : IDisposable
{
    private const string Mle = "machine-learning-engineer";
    private const string Ds = "data-scientist";
    private readonly RoleGraphApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_move_between_roles_less_alike_than_the_least_step_score_has_no_path()
    {
        var data = await _app.GraphQL().QueryAsync($$"""{ careerPath(fromRoleId: "{{Mle}}", toRoleId: "{{Ds}}") { score } }""");

        Assert.Empty(data["careerPath"]!.AsArray());
    }

    [Fact]
    public async Task With_a_lower_least_step_score_the_move_is_one_step_with_its_similarity_and_skill_gap()
    {
        _app.Settings["RoleGraph:CareerPaths:MinStepScore"] = "0.1";
        var client = _app.GraphQL();

        var data = await client.QueryAsync($$"""
            { careerPath(fromRoleId: "{{Mle}}", toRoleId: "{{Ds}}") { score length roles { id } steps { from { id } to { id } score gap { coverage missing { node { id } } } } }
              similarRoles(roleId: "{{Mle}}", first: 1) { score }
              skillGap(fromRoleId: "{{Mle}}", toRoleId: "{{Ds}}") { coverage missing { node { id } } } }
            """);

        var path = Assert.Single(data["careerPath"]!.AsArray())!;
        var similarity = (double)data["similarRoles"]![0]!["score"]!;
        Assert.Equal(1, (int)path["length"]!);
        Assert.Equal([Mle, Ds], path["roles"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(similarity, (double)path["score"]!, 12);
        var step = Assert.Single(path["steps"]!.AsArray())!;
        Assert.Equal((Mle, Ds), ((string)step["from"]!["id"]!, (string)step["to"]!["id"]!));
        Assert.Equal(similarity, (double)step["score"]!, 12);
        Assert.Equal(data["skillGap"]!.ToJsonString(), step["gap"]!.ToJsonString());
    }

    [Fact]
    public async Task From_a_role_to_itself_is_one_path_of_no_steps()
    {
        var data = await _app.GraphQL().QueryAsync($$"""{ careerPath(fromRoleId: "{{Ds}}", toRoleId: "{{Ds}}") { score length roles { id } } }""");

        var path = Assert.Single(data["careerPath"]!.AsArray())!;
        Assert.Equal((1.0, 0), ((double)path["score"]!, (int)path["length"]!));
        Assert.Equal([Ds], path["roles"]!.AsArray().Select(r => (string)r!["id"]!));
    }

    [Theory]
    [InlineData("{ careerPath(fromRoleId: \"nope\", toRoleId: \"data-scientist\") { score } }", "fromRoleId")]
    [InlineData("{ careerPath(fromRoleId: \"data-scientist\", toRoleId: \"python\") { score } }", "toRoleId")]
    [InlineData("{ careerPath(fromRoleId: \"data-scientist\", toRoleId: \"machine-learning-engineer\", maxSteps: 6) { score } }", "maxSteps")]
    [InlineData("{ careerPath(fromRoleId: \"data-scientist\", toRoleId: \"machine-learning-engineer\", first: 11) { score } }", "first")]
    public async Task Bad_arguments_are_bad_user_input_naming_the_argument(string query, string argument)
    {
        var response = await _app.GraphQL().PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
