using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class SkillGapTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    private const string Query = """
        query($from: ID!, $to: ID!) {
          skillGap(fromRoleId: $from, toRoleId: $to) {
            from { id } to { id } coverage
            missing { node { id } kind importance level }
            carriesOver { node { id } kind importance } } }
        """;

    [Fact]
    public async Task Machine_learning_engineer_to_data_scientist()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "machine-learning-engineer", to = "data-scientist" });
        var gap = data["skillGap"]!;

        // Importance descending, then name: the two 1.0 skills, then the 0.6 skills and tools by name.
        Assert.Equal(
            ["data-visualization", "statistical-analysis", "ab-testing", "stakeholder-communication", "data-analysis", "data-mining", "matplotlib", "r", "tableau"],
            gap["missing"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        Assert.Equal("TOOL", (string?)gap["missing"]![6]!["kind"]);
        Assert.Equal(["programming", "data-and-algorithms", "python"], gap["carriesOver"]!.AsArray().Select(i => (string)i!["node"]!["id"]!));
        // Carried: 1 + 1 + 0.6 of the target's 4 x 1.0 + 8 x 0.6 = 8.8.
        Assert.Equal(2.6 / 8.8, (double)gap["coverage"]!, 12);
    }

    [Fact]
    public async Task A_role_to_itself_misses_nothing()
    {
        var data = await app.GraphQL().QueryAsync(Query, new { from = "data-scientist", to = "data-scientist" });
        Assert.Empty(data["skillGap"]!["missing"]!.AsArray());
        Assert.Equal(1.0, (double)data["skillGap"]!["coverage"]!);
    }

    [Theory]
    [InlineData("nope", "data-scientist", "fromRoleId")]
    [InlineData("data-scientist", "python", "toRoleId")]
    public async Task Unknown_or_non_role_ids_are_bad_user_input(string from, string to, string argument)
    {
        var response = await app.GraphQL().PostAsync(Query, new { from, to });

        Assert.Equal("BAD_USER_INPUT", response.SingleErrorCode());
        Assert.Equal(argument, (string?)response.Errors![0]!["extensions"]!["argument"]);
    }
}
