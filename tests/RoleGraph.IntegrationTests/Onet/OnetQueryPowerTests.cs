using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;
using RoleGraph.Embedded;
using RoleGraph.Importing.Onet;
using RoleGraph.Tests.Infrastructure;
using static RoleGraph.Tests.Onet.OnetData;

namespace RoleGraph.Tests.Onet;

/// <summary>
/// Issue 16's three named queries on the whole O*NET 29.3 database, each one GraphQL request over HTTP to the real
/// host with its default limits (so within the cost limit), checked against the same answer computed directly from
/// the O*NET document with LINQ. Skipped, with the reason, where the data is absent.
/// </summary>
public sealed class OnetQueryPowerTests : IDisposable
{
    private static readonly Lazy<TaxonomyDocument> Document = new(() =>
    {
        Assert.SkipWhen(FullDatabaseDirectory is null, "The O*NET 29.3 database is not at shared/datasets/onet-29.3 beside the repository or above it.");
        return Validate(OnetReader.Read(FullDatabaseDirectory!, new OnetImportOptions(), NoneExisting));
    });

    private RoleGraphApiFactory? _app;

    public void Dispose() => _app?.Dispose();

    /// <summary>O*NET in an in-memory store, loaded once for the class's tests, which only read it.</summary>
    private static readonly Lazy<Task<EmbeddedGraphStore>> Store = new(async () =>
    {
        var store = new EmbeddedGraphStore(null, NullLogger<EmbeddedGraphStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        await store.ApplyAsync(GraphEdit.Import(Document.Value, ImportMode.Replace), dryRun: false, CancellationToken.None);
        return store;
    });

    /// <summary>The host over the O*NET store; made in the test, so that a missing database skips it.</summary>
    private async Task<GraphQLClient> ClientAsync()
    {
        _ = Document.Value;
        var store = await Store.Value;
        _app = new RoleGraphApiFactory { TestServices = services => services.AddSingleton<IGraphStore>(new OpenedStore { Inner = store }) };
        return _app.GraphQL();
    }

    /// <summary>The store is opened and loaded before the host starts; the host must not open it again.</summary>
    private sealed class OpenedStore : DelegatingGraphStore
    {
        public override Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string Lower(GraphNode node) => node.Name.ToLowerInvariant();

    private static int ByNameThenId(GraphNode a, GraphNode b)
    {
        var c = string.CompareOrdinal(Lower(a), Lower(b));
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static string[] Ids(JsonNode? list, Func<JsonNode, JsonNode?> id) => list!.AsArray().Select(n => id(n!)!.GetValue<string>()).ToArray();

    /// <summary>
    /// The query asks for 0.75, which no O*NET role meets for both skills (programming reaches 0.75 in four
    /// occupations, none of them at 0.75 in mathematics): an empty answer, checked like any other. At 0.4 there are
    /// 39 roles, two pages of 20, both checked.
    /// </summary>
    [Theory]
    [InlineData(0.75, 0)]
    [InlineData(0.4, 39)]
    public async Task Roles_requiring_programming_and_mathematics_at_an_importance_by_name_20_per_page(double minimum, int count)
    {
        var document = Document.Value;
        const string query = """
            query($min: Float!, $after: String) { roles(where: { and: [
                  { skills: { some: { id: { eq: "programming" }, importance: { gte: $min } } } },
                  { skills: { some: { id: { eq: "mathematics" }, importance: { gte: $min } } } } ] },
                order: [{ name: ASC }], first: 20, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } nodes { id } } }
            """;
        var client = await ClientAsync();
        var first = (await client.QueryAsync(query, new { min = minimum }))["roles"]!;
        var second = (await client.QueryAsync(query, new { min = minimum, after = (string?)first["pageInfo"]!["endCursor"] }))["roles"]!;

        bool Requires(GraphNode role, string skill) =>
            document.Links.Any(l => l.FromId == role.Id && l.Relation == RelationKind.Requires && l.ToId == skill && l.Importance >= minimum);
        var expected = document.Nodes.Where(n => n.Kind == NodeKind.Role && Requires(n, "programming") && Requires(n, "mathematics")).ToList();
        expected.Sort(ByNameThenId);

        Assert.Equal(count, expected.Count);
        Assert.Equal(expected.Count, first["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Count > 20, first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(expected.Take(20).Select(n => n.Id), Ids(first["nodes"], n => n["id"]));
        Assert.Equal(expected.Skip(20).Take(20).Select(n => n.Id), Ids(second["nodes"], n => n["id"]));
    }

    [Fact]
    public async Task The_10_most_required_skills_among_roles_named_engineer()
    {
        var document = Document.Value;
        var data = await (await ClientAsync()).QueryAsync("""
            { topItems(where: { name: { contains: "engineer" } }, kinds: [SKILL], first: 10) {
                roleCount items { node { id } roleCount importance { avg } } } }
            """);

        var engineers = document.Nodes.Where(n => n.Kind == NodeKind.Role && Lower(n).Contains("engineer", StringComparison.Ordinal)).Select(n => n.Id).ToHashSet();
        var expected = document.Links.Where(l => l.Relation == RelationKind.Requires && engineers.Contains(l.FromId))
            .GroupBy(l => l.ToId)
            .Select(g => (Skill: document.Nodes.Single(n => n.Id == g.Key), Roles: g.Count(), Mean: g.Average(l => l.Weight)))
            .OrderByDescending(x => x.Roles).ThenByDescending(x => x.Mean).ThenBy(x => Lower(x.Skill), StringComparer.Ordinal).ThenBy(x => x.Skill.Id, StringComparer.Ordinal)
            .Take(10).ToArray();

        Assert.InRange(engineers.Count, 10, 200);
        Assert.Equal(engineers.Count, data["topItems"]!["roleCount"]!.GetValue<int>());
        var items = data["topItems"]!["items"]!.AsArray();
        Assert.Equal(expected.Select(x => x.Skill.Id), Ids(items, i => i["node"]!["id"]));
        Assert.Equal(expected.Select(x => x.Roles), items.Select(i => i!["roleCount"]!.GetValue<int>()));
        // Every O*NET requirement carries an importance, so its mean is the mean weight.
        Assert.Equal(expected.Select(x => Math.Round(x.Mean, 9)), items.Select(i => Math.Round(i!["importance"]!["avg"]!.GetValue<double>(), 9)));
    }

    [Fact]
    public async Task The_first_25_roles_that_use_Microsoft_Excel_then_the_next_25()
    {
        var document = Document.Value;
        const string query = """
            query($after: String) { tool(id: "microsoft-excel") { rolesConnection(first: 25, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { importance node { id } } } } }
            """;
        var client = await ClientAsync();
        var first = (await client.QueryAsync(query))["tool"]!["rolesConnection"]!;
        var next = (await client.QueryAsync(query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["tool"]!["rolesConnection"]!;

        var users = document.Links.Where(l => l.Relation == RelationKind.Uses && l.ToId == "microsoft-excel")
            .Select(l => (Role: document.Nodes.Single(n => n.Id == l.FromId), l.Weight)).ToList();
        users.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : ByNameThenId(a.Role, b.Role));

        Assert.InRange(users.Count, 51, 5000);
        Assert.Equal(users.Count, first["totalCount"]!.GetValue<int>());
        Assert.Equal(users.Take(25).Select(u => u.Role.Id), Ids(first["edges"], e => e["node"]!["id"]));
        Assert.Equal(users.Skip(25).Take(25).Select(u => u.Role.Id), Ids(next["edges"], e => e["node"]!["id"]));
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>() && next["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }
}
