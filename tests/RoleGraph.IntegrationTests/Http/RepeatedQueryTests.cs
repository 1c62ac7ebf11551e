using System.Net;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>
/// A variable-free query that passed validation is remembered: its repeats skip parsing, the validation rules and
/// (for plain selections) GraphQL.NET's field collection. Repeats must answer byte for byte what the first run,
/// which took the full path, answered; and what failed validation must fail again every time.
/// </summary>
public sealed class RepeatedQueryTests(RoleGraphApiFactory app) : IClassFixture<RoleGraphApiFactory>
{
    public static TheoryData<string, string> Queries => new()
    {
        { "nested lists", """{ role(id: "data-scientist") { id name skills { skill { id name } importance level } tools { tool { id } } } }""" },
        { "aliases", """{ a: role(id: "data-scientist") { n: name first: skills { s: skill { id } } } b: skill(id: "python") { name } }""" },
        { "merged fields", """{ role(id: "data-scientist") { skills { skill { id } } skills { importance skill { name } } } }""" },
        { "fragments on an interface", """{ node(id: "python") { __typename ... on Skill { name } ... on Role { primaryFocus } ...N } } fragment N on Node { id }""" },
        { "skip and include", """{ role(id: "data-scientist") { id name @skip(if: true) kind @include(if: false) skills @include(if: true) { importance } } }""" },
        { "analysis", """{ overlap(roleIds: ["data-scientist", "machine-learning-engineer"]) { skills { id } tools { id } jaccard } }""" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Repeats_answer_exactly_as_the_first_run(string what, string query)
    {
        // A comment makes the text, and so the cache entry, this test's own: the first run below is the uncached one.
        query = $"# {what}\n{query}";
        var first = await app.GraphQL().PostAsync(query);
        Assert.True(first.Status == HttpStatusCode.OK && first.Errors is null, first.Text);

        for (var repeat = 0; repeat < 3; repeat++)
        {
            var again = await app.GraphQL().PostAsync(query);
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Equal(first.Text, again.Text);
        }
    }

    [Fact]
    public async Task Repeats_keep_merging_skipping_and_fragments()
    {
        var data = await app.GraphQL().QueryAsync("""
            # semantics on a repeat
            { role(id: "data-scientist") { id name @skip(if: true) skills { skill { id } } skills { importance } } node(id: "python") { ... on Skill { name } ... on Role { primaryFocus } } }
            """);
        var repeat = await app.GraphQL().QueryAsync("""
            # semantics on a repeat
            { role(id: "data-scientist") { id name @skip(if: true) skills { skill { id } } skills { importance } } node(id: "python") { ... on Skill { name } ... on Role { primaryFocus } } }
            """);

        foreach (var answer in new[] { data, repeat })
        {
            var role = answer["role"]!.AsObject();
            Assert.Equal(new[] { "id", "skills" }, role.Select(p => p.Key));
            // The two skills selections merge into one list whose items have both fields.
            Assert.All(role["skills"]!.AsArray(), s => Assert.Equal(new[] { "skill", "importance" }, s!.AsObject().Select(p => p.Key)));
            Assert.Equal(new[] { "name" }, answer["node"]!.AsObject().Select(p => p.Key));
            Assert.Equal("Python", (string?)answer["node"]!["name"]);
        }
    }

    [Fact]
    public async Task A_document_that_fails_validation_fails_on_every_repeat()
    {
        const string tooDeep = """{ role(id: "data-scientist") { skills { skill { roles { role { skills { skill { id } } } } } } } }""";
        const string missingVariable = """query($id: ID!) { role(id: $id) { id } }""";
        for (var repeat = 0; repeat < 3; repeat++)
        {
            var deep = await app.GraphQL().PostAsync(tooDeep);
            Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
            Assert.Equal("MAX_DEPTH_EXCEEDED", deep.SingleErrorCode());

            var unbound = await app.GraphQL().PostAsync(missingVariable);
            Assert.Equal(HttpStatusCode.BadRequest, unbound.Status);
            Assert.Null(unbound.Data);
            Assert.NotNull(unbound.Errors);
        }
    }
}
