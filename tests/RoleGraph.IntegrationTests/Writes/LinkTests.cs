using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>link and unlink over HTTP: weights written and read back, the model's rules enforced, nothing half-done.</summary>
public sealed class LinkTests
{
    private const string Link = """
        mutation($from: ID!, $to: ID!, $relation: RelationKind!, $importance: Float, $level: Float) {
          link(fromId: $from, toId: $to, relation: $relation, importance: $importance, level: $level) {
            from { id } to { id } relation importance level } }
        """;

    private const string Unlink = "mutation($from: ID!, $to: ID!, $relation: RelationKind!) { unlink(fromId: $from, toId: $to, relation: $relation) { "
        + WriteRequests.ReportFields + " } }";

    private const string RoleSkills = """{ role(id: "data-scientist") { skills { skill { id } importance level } tools { tool { id } importance } } }""";

    [Fact]
    public async Task Link_creates_a_requirement_then_updates_its_weights()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        await client.QueryAsync("""mutation { upsertSkill(input: { id: "quantum-computing", name: "Quantum computing" }) { id } }""");
        var skillsBefore = (await client.QueryAsync(RoleSkills))["role"]!["skills"]!.AsArray().Count;

        var created = (await client.QueryAsync(Link, new { from = "data-scientist", to = "quantum-computing", relation = "REQUIRES", importance = 0.4, level = 0.7 }))["link"]!;

        Assert.Equal("data-scientist", (string?)created["from"]!["id"]);
        Assert.Equal("quantum-computing", (string?)created["to"]!["id"]);
        Assert.Equal("REQUIRES", (string?)created["relation"]);
        Assert.Equal(0.4, (double)created["importance"]!);
        Assert.Equal(0.7, (double)created["level"]!);

        var skills = (await client.QueryAsync(RoleSkills))["role"]!["skills"]!.AsArray();
        Assert.Equal(skillsBefore + 1, skills.Count);
        var requirement = Assert.Single(skills, s => (string?)s!["skill"]!["id"] == "quantum-computing")!;
        Assert.Equal(0.4, (double)requirement["importance"]!);
        Assert.Equal(0.7, (double)requirement["level"]!);
        // Most important first: 0.4 is the least important of the role's skills, so it is last.
        Assert.Equal("quantum-computing", (string?)skills[^1]!["skill"]!["id"]);

        // The same link again replaces its weights; an omitted weight is cleared.
        await client.QueryAsync(Link, new { from = "data-scientist", to = "quantum-computing", relation = "REQUIRES", importance = 1.0 });

        var afterUpdate = await client.QueryAsync("""
            { role(id: "data-scientist") { skills { skill { id } importance level } }
              skill(id: "quantum-computing") { roles { role { id } importance level } } }
            """);
        var updated = afterUpdate["role"]!["skills"]!.AsArray();
        Assert.Equal(skillsBefore + 1, updated.Count);
        var again = Assert.Single(updated, s => (string?)s!["skill"]!["id"] == "quantum-computing")!;
        Assert.Equal(1.0, (double)again["importance"]!);
        Assert.Null(again["level"]);
        var fromSkill = Assert.Single(afterUpdate["skill"]!["roles"]!.AsArray())!;
        Assert.Equal("data-scientist", (string?)fromSkill["role"]!["id"]);
        Assert.Equal(1.0, (double)fromSkill["importance"]!);
    }

    [Fact]
    public async Task Link_updates_a_seeded_tool_use_and_links_without_weights()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();

        await client.QueryAsync(Link, new { from = "data-scientist", to = "tableau", relation = "USES", importance = 0.95 });
        var supports = (await client.QueryAsync(Link, new { from = "tableau", to = "statistical-analysis", relation = "SUPPORTS" }))["link"]!;

        Assert.Null(supports["importance"]);
        Assert.Null(supports["level"]);
        var data = await client.QueryAsync("""
            { role(id: "data-scientist") { tools { tool { id } importance } }
              tool(id: "tableau") { supports { id } } }
            """);
        var tools = data["role"]!["tools"]!.AsArray();
        Assert.Equal("tableau", (string?)tools[0]!["tool"]!["id"]);
        Assert.Equal(0.95, (double)tools[0]!["importance"]!);
        Assert.Contains("statistical-analysis", data["tool"]!["supports"]!.AsArray().Select(s => (string?)s!["id"]));
    }

    [Theory]
    [InlineData("data-scientist", "tensorflow", "REQUIRES", null, null, "relation", "REQUIRES joins Role -> Skill, not Role 'data-scientist' -> Tool 'tensorflow'.")]
    [InlineData("python", "data-scientist", "REQUIRES", null, null, "relation", "REQUIRES joins Role -> Skill, not Skill 'python' -> Role 'data-scientist'.")] // reversed ends
    [InlineData("tensorflow", "cloud-platforms", "SUBCATEGORY_OF", null, null, "relation", "SUBCATEGORY_OF joins Category -> Category, not Tool 'tensorflow' -> Category 'cloud-platforms'.")]
    [InlineData("data-scientist", "java", "REQUIRES", 1.5, null, "importance", "The importance must be between 0 and 1; got 1.5.")]
    [InlineData("data-scientist", "java", "REQUIRES", -0.1, null, "importance", "The importance must be between 0 and 1; got -0.1.")]
    [InlineData("data-scientist", "java", "REQUIRES", 0.5, 1.01, "level", "The level must be between 0 and 1; got 1.01.")]
    [InlineData("tensorflow", "python", "SUPPORTS", 0.5, null, "importance", "SUPPORTS links carry no importance.")]
    [InlineData("data-scientist", "aws", "USES", 0.5, 0.5, "level", "USES links carry no level.")]
    [InlineData("data-scientist", "no-such-skill", "REQUIRES", null, null, "toId", "No node has the id 'no-such-skill'.")]
    [InlineData("no-such-role", "python", "REQUIRES", null, null, "fromId", "No node has the id 'no-such-role'.")]
    [InlineData("python", "python", "RELATED_TO", null, null, "toId", "A node cannot link to itself ('python').")]
    [InlineData("programming", "python", "RELATED_TO", null, null, null, "RELATED_TO is symmetric: the link python -> programming already says this.")] // the seed holds python -> programming: the link as a whole, no one argument
    public async Task A_link_breaking_the_model_is_bad_user_input_and_nothing_changes(
        string from, string to, string relation, double? importance, double? level, string? argument, string message)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("link", Link, new { from, to, relation, importance, level });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        // extensions.input names the link's argument at fault, in the mutation's own terms.
        Assert.Equal(argument, (string?)error["extensions"]!["input"]);
        Assert.Equal(message, error.Message());
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task A_link_with_two_unknown_ends_names_both()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("link", Link, new { from = "ghost-role", to = "ghost-skill", relation = "REQUIRES" });

        Assert.Equal(
            [("BAD_USER_INPUT", "fromId", "No node has the id 'ghost-role'."), ("BAD_USER_INPUT", "toId", "No node has the id 'ghost-skill'.")],
            errors.Select(e => (e.Code(), e.Input(), e.Message())));
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task Unlinking_an_existing_link_deletes_exactly_it()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();

        var report = (await client.QueryAsync(Unlink, new { from = "data-scientist", to = "python", relation = "REQUIRES" }))["unlink"]!;

        Assert.True((bool)report["changed"]!);
        Assert.False((bool)report["dryRun"]!);
        Assert.Equal((0, 0, 0, 1), report["links"]!.Counts());
        Assert.Equal((0, 0, 0, 0), report["nodes"]!.Counts());
        var data = await client.QueryAsync("""
            { role(id: "data-scientist") { skills { skill { id } } }
              skill(id: "python") { roles { role { id } } } }
            """);
        Assert.DoesNotContain("python", data["role"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));
        Assert.Equal(["machine-learning-engineer"], data["skill"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!));
    }

    [Theory]
    [InlineData("python", "programming")] // as the seed stores it
    [InlineData("programming", "python")] // the other way round: the same fact
    public async Task Unlinking_a_symmetric_link_deletes_it_whichever_way_it_is_named(string from, string to)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        const string related = """{ python: skill(id: "python") { related { id } } programming: skill(id: "programming") { related { id } } }""";
        var before = await client.QueryAsync(related);

        var report = (await client.QueryAsync(Unlink, new { from, to, relation = "RELATED_TO" }))["unlink"]!;

        Assert.Equal((0, 0, 0, 1), report["links"]!.Counts());
        var after = await client.QueryAsync(related);
        Assert.Equal(["programming"], before["python"]!["related"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Empty(after["python"]!["related"]!.AsArray());
        Assert.Equal(["c", "java", "r"], after["programming"]!["related"]!.AsArray().Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("data-scientist", "python", "USES", "There is no link data-scientist -USES-> python.")] // both nodes exist, but not this relation
    [InlineData("data-scientist", "java", "REQUIRES", "There is no link data-scientist -REQUIRES-> java.")]
    [InlineData("no-such-role", "python", "REQUIRES", "There is no link no-such-role -REQUIRES-> python.")]
    public async Task Unlinking_a_missing_link_is_not_found_and_nothing_changes(string from, string to, string relation, string message)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("unlink", Unlink, new { from, to, relation });

        var error = Assert.Single(errors);
        Assert.Equal("NOT_FOUND", error.Code());
        Assert.Equal(message, error.Message());
        Assert.Null(error["extensions"]!["input"]); // no one argument is at fault: the three together name no link
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task Unlinking_the_same_link_twice_is_not_found_the_second_time()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        await client.QueryAsync(Unlink, new { from = "tensorflow", to = "machine-learning-frameworks", relation = "SUPPORTS" });

        var errors = await client.RefusedAsync("unlink", Unlink, new { from = "tensorflow", to = "machine-learning-frameworks", relation = "SUPPORTS" });

        Assert.Equal("NOT_FOUND", Assert.Single(errors).Code());
    }
}
