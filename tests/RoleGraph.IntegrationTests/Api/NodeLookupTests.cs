using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Api;

public sealed class NodeLookupTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    [Fact]
    public async Task Node_resolves_any_kind_to_its_concrete_type()
    {
        var data = await app.GraphQL().QueryAsync("""
            { role: node(id: "data-scientist") { __typename id name }
              skill: node(id: "python") { __typename name }
              tool: node(id: "tensorflow") { __typename }
              responsibility: node(id: "conduct-experiments") { __typename }
              category: node(id: "cloud-platforms") { __typename } }
            """);

        Assert.Equal("Role", (string?)data["role"]!["__typename"]);
        Assert.Equal("Data Scientist", (string?)data["role"]!["name"]);
        Assert.Equal("Python", (string?)data["skill"]!["name"]);
        Assert.Equal("Tool", (string?)data["tool"]!["__typename"]);
        Assert.Equal("Responsibility", (string?)data["responsibility"]!["__typename"]);
        Assert.Equal("Category", (string?)data["category"]!["__typename"]);
    }

    [Fact]
    public async Task Unknown_ids_and_kind_mismatches_give_null_without_errors()
    {
        var data = await app.GraphQL().QueryAsync("""
            { node(id: "no-such-node") { id } role(id: "python") { id } skill(id: "nope") { id }
              tool(id: "python") { id } responsibility(id: "python") { id } category(id: "python") { id } }
            """);

        foreach (var field in new[] { "node", "role", "skill", "tool", "responsibility", "category" })
        {
            Assert.Null(data[field]);
        }
    }

    [Fact]
    public async Task Role_has_its_skills_with_weights_tools_responsibilities_and_primary_focus()
    {
        var data = await app.GraphQL().QueryAsync("""
            { role(id: "machine-learning-engineer") {
                name kind aliases primaryFocus properties { key value }
                skills { skill { id } importance level role { id } }
                tools { tool { id } importance }
                responsibilities { id } } }
            """);
        var role = data["role"]!;

        Assert.Equal("ROLE", (string?)role["kind"]);
        Assert.Contains("ML Engineer", role["aliases"]!.AsArray().Select(a => (string?)a));
        Assert.StartsWith("The technical aspects of deploying", (string?)role["primaryFocus"]);
        Assert.Equal("primaryFocus", (string?)role["properties"]![0]!["key"]);

        var skills = role["skills"]!.AsArray();
        Assert.Equal(7, skills.Count);
        // Most important first (1.0, 1.0, 0.8, 0.7, then the 0.6 languages), ties by name.
        Assert.Equal(
            ["programming", "data-and-algorithms", "machine-learning-frameworks", "cloud-services", "c", "java", "python"],
            skills.Select(s => (string)s!["skill"]!["id"]!));
        Assert.Equal(1.0, (double)skills[0]!["importance"]!);
        Assert.Null(skills[0]!["level"]);
        Assert.All(skills, s => Assert.Equal("machine-learning-engineer", (string?)s!["role"]!["id"]));
        Assert.Equal(
            ["aws", "azure", "gcp", "pytorch", "tensorflow"],
            role["tools"]!.AsArray().Select(t => (string)t!["tool"]!["id"]!));
        Assert.Equal(7, role["responsibilities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Skills_tools_responsibilities_and_categories_link_back()
    {
        var data = await app.GraphQL().QueryAsync("""
            { skill(id: "python") { roles { role { id } importance } categories { id } related { id } }
              tool(id: "matplotlib") { roles { role { id } } supports { id } categories { id } }
              responsibility(id: "conduct-experiments") { roles { id } }
              category(id: "technology") { members { id } subcategories { id } parents { id } skills { id } tools { id } }
              sub: category(id: "visualization-tools") { parents { id } tools { id } skills { id } } }
            """);

        Assert.Equal(["data-scientist", "machine-learning-engineer"], data["skill"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!));
        Assert.Equal(["programming-languages"], data["skill"]!["categories"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(["programming"], data["skill"]!["related"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(["data-scientist"], data["tool"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!));
        Assert.Equal(["data-visualization"], data["tool"]!["supports"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal(["data-scientist"], data["responsibility"]!["roles"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(["cloud-services", "programming"], data["category"]!["members"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.Equal(
            ["cloud-platforms", "machine-learning-category", "programming-languages"],
            data["category"]!["subcategories"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Empty(data["category"]!["parents"]!.AsArray());
        Assert.Equal(["data-analytics"], data["sub"]!["parents"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(["matplotlib", "tableau"], data["sub"]!["tools"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Empty(data["sub"]!["skills"]!.AsArray());
    }
}
