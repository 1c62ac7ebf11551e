using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// <c>shortestPaths(via:)</c> through the query service over an embedded store: the relations a path may use are the
/// set the caller names, however often each is named and in whatever order.
/// </summary>
public sealed class PathRelationFilterTests : IAsyncLifetime
{
    private EmbeddedGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // a and b share a skill (REQUIRES) and a tool (USES); the tool supports the skill.
        _store = await TestGraph.Create()
            .Role("a").Role("b").Skill("x").Tool("t")
            .Requires("a", "x").Requires("b", "x").Uses("a", "t").Uses("b", "t").Supports("t", "x")
            .StoreAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string[]> PathsAsync(string from, string to, params RelationKind[] via) =>
        (await _store.Queries().ShortestPathsAsync(new PathQuery(from, to, Via: via, Order: PathOrder.Id), Ct))
            .Select(p => string.Join(" ", p.Steps.Select(s => $"{s.FromId}-{RelationRules.WireName(s.Relation)}-{s.ToId}")))
            .ToArray();

    [Theory]
    [InlineData(new[] { RelationKind.Requires })]
    [InlineData(new[] { RelationKind.Requires, RelationKind.Requires })]
    [InlineData(new[] { RelationKind.Requires, RelationKind.Requires, RelationKind.Requires })]
    public async Task A_relation_named_more_than_once_is_allowed_once(RelationKind[] via)
    {
        Assert.Equal(["a-REQUIRES-x x-REQUIRES-b"], await PathsAsync("a", "b", via));
    }

    [Theory]
    [InlineData(new[] { RelationKind.Requires, RelationKind.Uses })]
    [InlineData(new[] { RelationKind.Uses, RelationKind.Requires, RelationKind.Uses })]
    [InlineData(new RelationKind[0])]
    public async Task Every_named_relation_is_allowed_and_none_named_allows_all(RelationKind[] via)
    {
        Assert.Equal(["a-USES-t t-USES-b", "a-REQUIRES-x x-REQUIRES-b"], await PathsAsync("a", "b", via));
    }

    [Fact]
    public async Task A_path_needs_every_one_of_its_relations_allowed()
    {
        // From the tool to the skill: directly over SUPPORTS, or through a role when SUPPORTS is not allowed.
        Assert.Equal(["t-SUPPORTS-x"], await PathsAsync("t", "x", RelationKind.Supports, RelationKind.Supports));
        Assert.Equal(["t-USES-a a-REQUIRES-x", "t-USES-b b-REQUIRES-x"], await PathsAsync("t", "x", RelationKind.Uses, RelationKind.Requires, RelationKind.Uses));
        Assert.Empty(await PathsAsync("t", "x", RelationKind.Uses, RelationKind.Uses));
        Assert.Empty(await PathsAsync("a", "b", RelationKind.Supports, RelationKind.InCategory));
    }
}
