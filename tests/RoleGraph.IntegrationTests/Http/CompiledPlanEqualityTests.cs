using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RoleGraph.Api.GraphQL;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Http;

/// <summary>
/// Compiled plans (RoleGraph:GraphQL:CompiledPlans) must not change a single byte of any answer. Two hosts serve the
/// same data file, one with plans and one without; every document is sent three times to each (the first run is
/// uncached and never planned, the repeats are), and every body must be identical across the hosts and the runs.
/// </summary>
public sealed class CompiledPlanEqualityTests(CompiledPlanEqualityTests.Hosts hosts) : IClassFixture<CompiledPlanEqualityTests.Hosts>
{
    /// <summary>Name, document, whether the repeats must run at least one list by a plan.</summary>
    public static TheoryData<string, string, bool> Documents => new()
    {
        // The HTTP benchmark's queries (bench/http/run.sh) on this store's roles.
        { "bench role", """{ role(id: "data-scientist") { id name skills { skill { id name } importance } } }""", true },
        { "bench overlap", """{ overlap(roleIds: ["data-scientist", "machine-learning-engineer"]) { skills { id } tools { id } jaccard } }""", true },
        { "bench search", """{ search(text: "python") { node { id } match } }""", true },
        // The explorer's query files with their variables written in (a request with variables is never cached).
        { "explorer compare", """{ overlap(roleIds: ["data-scientist", "machine-learning-engineer"]) { jaccard roles { id name } skills { id name } tools { id name } responsibilities { id name } perRole { role { id name } skills { id name } tools { id name } responsibilities { id name } } } }""", true },
        { "explorer connect", """{ shortestPaths(fromId: "data-scientist", toId: "machine-learning-engineer", first: 5, order: RELEVANCE) { length score nodes { __typename id name } steps { relation forward from { id } to { id } } } careerPath(fromRoleId: "data-scientist", toRoleId: "machine-learning-engineer", first: 2) { length score roles { id name } steps { score gap { coverage missing { kind node { id name } } } } } }""", true },
        { "explorer gap", """{ skillGap(fromRoleId: "data-scientist", toRoleId: "machine-learning-engineer") { coverage from { id name } to { id name } carriesOver { kind importance level node { id name } } missing { kind importance level node { id name } } } }""", true },
        { "explorer neighbourhood", """{ node(id: "data-scientist") { __typename id name ... on Role { description aliases primaryFocus properties { key value } skills { importance level skill { id name } } tools { importance tool { id name } } responsibilities { id name } } ... on Skill { description roles { importance level role { id name } } } } }""", true },
        { "explorer neighbourhood of a skill", """{ node(id: "python") { __typename id name ... on Skill { description aliases properties { key value } roles { importance level role { id name } } tools { id name } related { id name } categories { id name } } } }""", true },
        { "explorer search", """{ search(text: "data", first: 12) { kind match matchedText node { id name } } }""", true },
        { "explorer similar", """{ role(id: "data-scientist") { id name } similarRoles(roleId: "data-scientist", first: 10) { score role { id name } facets { facet share cosine contribution } sharedItems { facet contribution node { __typename id name } } sharedTerms { word contribution } } }""", true },
        // Aliases, __typename, nulls (levels and descriptions the taxonomy leaves out), every field of a link.
        { "aliases", """{ r: role(id: "data-scientist") { s: skills { a: skill { b: id n: name k: kind } imp: importance lvl: level } t: tools { tool { id } importance } } }""", true },
        { "typename", """{ role(id: "data-scientist") { skills { __typename skill { __typename id } t: __typename } } }""", true },
        { "nulls", """{ role(id: "data-scientist") { skills { level skill { description } } tools { importance tool { description kind } role { id } } } }""", true },
        { "an object that is not there", """{ role(id: "no-such-role") { skills { skill { id } } } skill(id: "python") { roles { role { id } level } } }""", true },
        // What plans leave to GraphQL.NET: fragments, directives, merged fields, lists in the subtree, arguments.
        { "fragments", """{ role(id: "data-scientist") { skills { ...S } tools { ... on RoleTool { importance } tool { id } } } } fragment S on RoleSkill { importance skill { id } }""", false },
        { "include and skip", """{ role(id: "data-scientist") { skills { importance @include(if: true) level @skip(if: true) skill { id } } } }""", false },
        { "merged fields", """{ role(id: "data-scientist") { skills { skill { id } skill { name } } } }""", false },
        { "nested lists", """{ role(id: "data-scientist") { skills { skill { id roles { importance role { id } } } } } }""", true },
        { "a list inside the subtree", """{ role(id: "data-scientist") { skills { skill { id aliases } } } }""", false },
        { "an argument in the subtree", """{ role(id: "data-scientist") { skills { skill { id roles: rolesConnection(first: 2) { totalCount } } } } }""", false },
        // Connections: edges and nodes lists.
        { "connection", """{ roles(first: 3) { edges { cursor node { id name kind } } nodes { id name } pageInfo { hasNextPage endCursor } totalCount } }""", true },
        { "link connection", """{ role(id: "data-scientist") { skillsConnection(first: 3) { edges { cursor importance node { id } } nodes { id } totalCount } } }""", true },
        // Errors beside planned lists, and operation selection.
        { "an error beside a planned list", """{ role(id: "data-scientist") { skills { skill { id } } similar(first: 0) { score } } }""", true },
        { "a bad argument", """{ role(id: "data-scientist") { skills { skill { id } } } search(text: "") { node { id } } }""", true },
        { "two operations", """query A { role(id: "data-scientist") { tools { tool { id } } } } query B { skill(id: "python") { tools { id } } }""", true },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Answers_are_identical_with_and_without_plans(string what, string query, bool planned)
    {
        // A comment makes each text, and so each cache entry, this test's own.
        query = $"# plans: {what}\n{query}";
        var operationName = query.Contains("query A", StringComparison.Ordinal) ? "B" : null;
        var on = hosts.On.GraphQL();
        var off = hosts.Off.GraphQL();

        var reference = await off.PostAsync(query, operationName: operationName);
        Assert.Equal(HttpStatusCode.OK, reference.Status);
        Assert.NotNull(reference.Data);
        for (var run = 0; run < 3; run++)
        {
            var plansBefore = Hosts.Strategy(hosts.On).PlannedLists;
            var withPlans = await on.PostAsync(query, operationName: operationName);
            var withoutPlans = await off.PostAsync(query, operationName: operationName);
            Assert.Equal(reference.Text, withoutPlans.Text);
            Assert.Equal(reference.Text, withPlans.Text);
            Assert.Equal(reference.Status, withPlans.Status);
            if (run > 0 && planned)
            {
                // Tests run one at a time within this class, so the count moved because of this request.
                Assert.True(Hosts.Strategy(hosts.On).PlannedLists > plansBefore, $"{what}: no list was planned on a repeat: {withPlans.Text}");
            }
        }

        Assert.Equal(0, Hosts.Strategy(hosts.Off).PlannedLists);
    }

    [Fact]
    public async Task Get_and_plain_json_answers_are_identical_too()
    {
        const string query = """{ role(id: "data-scientist") { id skills { skill { id name } importance } } }""";
        var queryString = "query=" + Uri.EscapeDataString("# plans over GET\n" + query);
        var reference = await hosts.Off.GraphQL().GetAsync(queryString, accept: "application/json");
        for (var run = 0; run < 3; run++)
        {
            var withPlans = await hosts.On.GraphQL().GetAsync(queryString, accept: "application/json");
            Assert.Equal(reference.Text, withPlans.Text);
            Assert.Equal(reference.ContentType, withPlans.ContentType);
        }
    }

    /// <summary>The two hosts: the first seeds a data file, the second opens a copy of it.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public RoleGraphApiFactory On { get; } = new() { Settings = { ["RoleGraph:GraphQL:CompiledPlans"] = "true" } };

        public RoleGraphApiFactory Off { get; private set; } = null!;

        private readonly string _offDirectory = Directory.CreateTempSubdirectory("rolegraph-plans-off-").FullName;

        internal static RepeatedSelectionStrategy Strategy(RoleGraphApiFactory host) => host.Services.GetRequiredService<RepeatedSelectionStrategy>();

        public async ValueTask InitializeAsync()
        {
            // The first answer means the store is open and its data file written.
            await On.GraphQL().QueryAsync("{ role(id: \"data-scientist\") { id } }");
            foreach (var file in new[] { On.DataFile, On.DataFile + ".journal" }.Where(File.Exists))
            {
                File.Copy(file, Path.Combine(_offDirectory, Path.GetFileName(file)));
            }

            Off = new RoleGraphApiFactory { DataDirectory = _offDirectory, Settings = { ["RoleGraph:GraphQL:CompiledPlans"] = "false" } };
            await Off.GraphQL().QueryAsync("{ role(id: \"data-scientist\") { id } }");
        }

        public async ValueTask DisposeAsync()
        {
            await On.DisposeAsync();
            await Off.DisposeAsync();
            Directory.Delete(_offDirectory, recursive: true);
        }
    }
}
