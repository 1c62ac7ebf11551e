using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>deleteNode over HTTP: a linked node needs cascade; with it the node and its links go.</summary>
public sealed class DeleteNodeTests
{
    private const string Delete = "mutation($id: ID!, $cascade: Boolean) { deleteNode(id: $id, cascade: $cascade) { " + WriteRequests.ReportFields + " } }";

    private const string Paths = """
        { shortestPaths(fromId: "machine-learning-engineer", toId: "data-scientist", first: 100) { length nodes { id } } }
        """;

    [Fact]
    public async Task A_linked_node_without_cascade_is_refused_naming_its_link_count()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();
        var links = WriteRequests.SeedLinksOf("python");
        Assert.True(links > 1);

        var errors = await client.RefusedAsync("deleteNode", Delete, new { id = "python" });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal($"The node 'python' has {links} links; delete with cascade to remove them too.", error.Message());
        Assert.Equal("id", error.Input());
        Assert.Equal(before, await client.ExportAsync());

        // cascade: false said out loud is the same refusal.
        Assert.Equal("BAD_USER_INPUT", Assert.Single(await client.RefusedAsync("deleteNode", Delete, new { id = "python", cascade = false })).Code());
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task With_cascade_the_node_and_its_links_are_gone_and_paths_no_longer_pass_through_it()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var pathsBefore = (await client.QueryAsync(Paths))["shortestPaths"]!.AsArray();
        Assert.Contains(pathsBefore, p => p!["nodes"]!.AsArray().Any(n => (string?)n!["id"] == "python"));

        var report = (await client.QueryAsync(Delete, new { id = "python", cascade = true }))["deleteNode"]!;

        Assert.True((bool)report["changed"]!);
        Assert.Equal((0, 0, 0, 1), report["nodes"]!.Counts());
        Assert.Equal((0, 0, 0, WriteRequests.SeedLinksOf("python")), report["links"]!.Counts());

        var data = await client.QueryAsync("""
            { node(id: "python") { id } skill(id: "python") { id }
              skills(where: { id: { eq: "python" } }) { totalCount }
              mle: role(id: "machine-learning-engineer") { skills { skill { id } } }
              ds: role(id: "data-scientist") { skills { skill { id } } }
              category(id: "programming-languages") { skills { id } }
              programming: skill(id: "programming") { related { id } } }
            """);
        Assert.Null(data["node"]);
        Assert.Null(data["skill"]);
        Assert.Equal(0, (int)data["skills"]!["totalCount"]!);
        Assert.DoesNotContain("python", data["mle"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));
        Assert.DoesNotContain("python", data["ds"]!["skills"]!.AsArray().Select(s => (string?)s!["skill"]!["id"]));
        Assert.DoesNotContain("python", data["category"]!["skills"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.DoesNotContain("python", data["programming"]!["related"]!.AsArray().Select(s => (string?)s!["id"]));

        var pathsAfter = (await client.QueryAsync(Paths))["shortestPaths"]!.AsArray();
        Assert.NotEmpty(pathsAfter);
        Assert.DoesNotContain(pathsAfter, p => p!["nodes"]!.AsArray().Any(n => (string?)n!["id"] == "python"));
        // Other shortest paths of the same length are still there.
        Assert.Equal(
            pathsBefore.Where(p => !p!["nodes"]!.AsArray().Any(n => (string?)n!["id"] == "python")).Select(p => p!.ToJsonString()),
            pathsAfter.Select(p => p!.ToJsonString()));

        var export = await client.ExportAsync();
        Assert.DoesNotContain("id: python\n", export, StringComparison.Ordinal);
        Assert.DoesNotContain("to: python\n", export, StringComparison.Ordinal);
        Assert.DoesNotContain("from: python\n", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_without_links_is_deleted_without_cascade()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        await client.QueryAsync("""mutation { upsertTool(input: { id: "slide-rule", name: "Slide rule" }) { id } }""");

        var report = (await client.QueryAsync(Delete, new { id = "slide-rule" }))["deleteNode"]!;

        Assert.Equal((0, 0, 0, 1), report["nodes"]!.Counts());
        Assert.Equal((0, 0, 0, 0), report["links"]!.Counts());
        Assert.Null((await client.QueryAsync("""{ tool(id: "slide-rule") { id } }"""))["tool"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unknown_id_is_not_found_and_nothing_changes(bool cascade)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("deleteNode", Delete, new { id = "astronaut", cascade });

        var error = Assert.Single(errors);
        Assert.Equal("NOT_FOUND", error.Code());
        Assert.Equal("No node has the id 'astronaut'.", error.Message());
        Assert.Equal("id", error.Input());
        Assert.Equal(before, await client.ExportAsync());
    }
}
