using RoleGraph.Core.Model;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Writes;

/// <summary>upsertRole/Skill/Tool/Responsibility/Category over HTTP: create, replace, and the refusals.</summary>
public sealed class UpsertTests
{
    private const string Upsert = "mutation($input: NodeInput!) { {0}(input: $input) { __typename id name description aliases kind properties { key value } } }";

    public static TheoryData<string, string, string, string, NodeKind> Kinds => new()
    {
        { "upsertRole", "role", "roles", "Role", NodeKind.Role },
        { "upsertSkill", "skill", "skills", "Skill", NodeKind.Skill },
        { "upsertTool", "tool", "tools", "Tool", NodeKind.Tool },
        { "upsertResponsibility", "responsibility", "responsibilities", "Responsibility", NodeKind.Responsibility },
        { "upsertCategory", "category", "categories", "Category", NodeKind.Category },
    };

    private static string UpsertDocument(string mutation) => Upsert.Replace("{0}", mutation, StringComparison.Ordinal);

    private static string ReadBack(string one, string list) => $$"""
        { one: {{one}}(id: "quantum-thing") { id name description aliases properties { key value } }
          any: node(id: "quantum-thing") { __typename }
          only: {{list}}(where: { id: { eq: "quantum-thing" } }) { totalCount nodes { id name } }
          all: {{list}} { totalCount } }
        """;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Upsert_creates_the_node_then_replaces_its_fields(string mutation, string one, string list, string typeName, NodeKind kind)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var seeded = WriteRequests.SeedCount(kind);

        var created = (await client.QueryAsync(UpsertDocument(mutation), new
        {
            input = new
            {
                id = "quantum-thing",
                name = "  Quantum thing ",
                description = "The first version.",
                aliases = new[] { "QT", "Quantum" },
                properties = new[] { new { key = "origin", value = "test" }, new { key = "zeta", value = "1" }, new { key = "origin", value = "later wins" } },
            },
        }))[mutation]!;

        Assert.Equal(typeName, (string?)created["__typename"]);
        Assert.Equal("quantum-thing", (string?)created["id"]);
        Assert.Equal("Quantum thing", (string?)created["name"]);
        Assert.Equal(kind.ToString().ToUpperInvariant(), (string?)created["kind"]);

        var afterCreate = await client.QueryAsync(ReadBack(one, list));
        Assert.Equal("Quantum thing", (string?)afterCreate["one"]!["name"]);
        Assert.Equal("The first version.", (string?)afterCreate["one"]!["description"]);
        Assert.Equal(["QT", "Quantum"], afterCreate["one"]!["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(
            ["origin=later wins", "zeta=1"],
            afterCreate["one"]!["properties"]!.AsArray().Select(p => $"{p!["key"]}={p["value"]}"));
        Assert.Equal(typeName, (string?)afterCreate["any"]!["__typename"]);
        Assert.Equal(1, (int)afterCreate["only"]!["totalCount"]!);
        Assert.Equal(seeded + 1, (int)afterCreate["all"]!["totalCount"]!);

        // Every field is written as given: what the second upsert omits is gone.
        var updated = (await client.QueryAsync(UpsertDocument(mutation), new { input = new { id = "quantum-thing", name = "Quantum thing, renamed" } }))[mutation]!;
        Assert.Equal("Quantum thing, renamed", (string?)updated["name"]);

        var afterUpdate = await client.QueryAsync(ReadBack(one, list));
        Assert.Equal("Quantum thing, renamed", (string?)afterUpdate["one"]!["name"]);
        Assert.Null(afterUpdate["one"]!["description"]);
        Assert.Empty(afterUpdate["one"]!["aliases"]!.AsArray());
        Assert.Empty(afterUpdate["one"]!["properties"]!.AsArray());
        Assert.Equal("Quantum thing, renamed", (string?)afterUpdate["only"]!["nodes"]![0]!["name"]);
        Assert.Equal(seeded + 1, (int)afterUpdate["all"]!["totalCount"]!);
    }

    [Fact]
    public async Task Upserting_an_existing_node_keeps_its_links()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();

        await client.QueryAsync("""mutation { upsertSkill(input: { id: "python", name: "Python 3", aliases: ["Py"] }) { id } }""");

        var data = await client.QueryAsync("""{ skill(id: "python") { name aliases roles { role { id } importance } categories { id } } }""");
        Assert.Equal("Python 3", (string?)data["skill"]!["name"]);
        Assert.Equal(["Py"], data["skill"]!["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(
            WriteRequests.Seed.Links.Where(l => l.ToId == "python" && l.Relation == RelationKind.Requires).Select(l => l.FromId).Order(StringComparer.Ordinal),
            data["skill"]!["roles"]!.AsArray().Select(r => (string)r!["role"]!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["programming-languages"], data["skill"]!["categories"]!.AsArray().Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task A_role_s_primaryFocus_property_is_served_as_primaryFocus()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();

        await client.QueryAsync("""
            mutation { upsertRole(input: { id: "data-engineer", name: "Data Engineer", properties: [{ key: "primaryFocus", value: "Pipelines." }] }) { id } }
            """);

        var data = await client.QueryAsync("""{ role(id: "data-engineer") { primaryFocus properties { key value } } }""");
        Assert.Equal("Pipelines.", (string?)data["role"]!["primaryFocus"]);
    }

    [Theory]
    [InlineData("upsertSkill", "data-scientist", "Role")]
    [InlineData("upsertRole", "python", "Skill")]
    [InlineData("upsertTool", "python", "Skill")]
    [InlineData("upsertResponsibility", "tensorflow", "Tool")]
    [InlineData("upsertCategory", "conduct-experiments", "Responsibility")]
    [InlineData("upsertSkill", "cloud-platforms", "Category")]
    public async Task An_id_held_by_another_kind_is_refused_and_nothing_changes(string mutation, string id, string heldBy)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync(mutation, UpsertDocument(mutation), new { input = new { id, name = "Impostor" } });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.EndsWith("id", error.Input(), StringComparison.Ordinal);
        Assert.Contains($"'{id}'", error.Message(), StringComparison.Ordinal);
        Assert.Contains(heldBy, error.Message(), StringComparison.Ordinal);
        Assert.Equal(before, await client.ExportAsync());
    }

    [Theory]
    [InlineData("Not A Slug", "Fine name", "id")]
    [InlineData("UPPER-case", "Fine name", "id")]
    [InlineData("double--dash", "Fine name", "id")]
    [InlineData("trailing-", "Fine name", "id")]
    [InlineData("", "Fine name", "id")]
    [InlineData("fine-id", "", "name")]
    [InlineData("fine-id", "   ", "name")]
    public async Task A_non_slug_id_or_a_blank_name_is_bad_user_input_and_nothing_changes(string id, string name, string field)
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("upsertSkill", UpsertDocument("upsertSkill"), new { input = new { id, name } });

        var error = Assert.Single(errors);
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.EndsWith(field, error.Input(), StringComparison.Ordinal);
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task Every_problem_of_one_input_is_its_own_error()
    {
        using var app = new RoleGraphApiFactory();
        var client = app.GraphQL();
        var before = await client.ExportAsync();

        var errors = await client.RefusedAsync("upsertTool", UpsertDocument("upsertTool"), new { input = new { id = "Bad Id", name = " ", aliases = new[] { "ok", " " } } });

        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        Assert.Equal(["aliases", "id", "name"], errors.Select(e => e.Input().Split('.')[^1]).Order(StringComparer.Ordinal));
        Assert.Equal(before, await client.ExportAsync());
    }

    [Fact]
    public async Task The_errors_of_an_aliased_mutation_carry_the_alias_in_their_path()
    {
        using var app = new RoleGraphApiFactory();

        // GraphQL's response path is made of response keys: the alias where one is given.
        var response = await app.GraphQL().PostAsync("""mutation { renamed: upsertSkill(input: { id: "data-scientist", name: "Impostor" }) { id } }""");

        var error = Assert.Single(response.Errors!);
        Assert.Equal("BAD_USER_INPUT", error!.Code());
        Assert.Null(response.Data!["renamed"]);
        Assert.Equal("renamed", (string?)error!["path"]![0]);
    }
}
