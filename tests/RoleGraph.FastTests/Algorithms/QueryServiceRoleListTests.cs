using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// The query service's answers for lists of roles, over an embedded store holding a graph written here: a role named
/// twice counts once among the roles whose items are tallied, and similar roles are given for exactly the ids that are
/// roles, whatever else the list holds. Expected values are counted by hand from the graph.
/// </summary>
public sealed class QueryServiceRoleListTests : IAsyncLifetime
{
    private EmbeddedGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // a requires x (0.5) and y (0.2); b requires x (0.9); c only uses t.
        _store = await TestGraph.Create()
            .Role("a").Role("b").Role("c").Skill("x").Skill("y").Tool("t")
            .Requires("a", "x", 0.5).Requires("a", "y", 0.2).Requires("b", "x", 0.9).Uses("c", "t")
            .StoreAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_role_named_twice_among_the_roles_of_top_items_counts_once()
    {
        var top = await _store.Queries().TopItemsAsync(new TopItemsQuery(RoleIds: ["a", "b", "a"], Kinds: [NodeKind.Skill]), Ct);

        // Two roles: x is held by both (importances 0.5 and 0.9), y by a alone (0.2).
        Assert.Equal(2, top.RoleCount);
        Assert.Equal(
            ["x 2 1 (2, 0.5, 0.9, 0.7)", "y 1 0.5 (1, 0.2, 0.2, 0.2)"],
            top.Items.Select(i => $"{i.Node.Id} {i.RoleCount} {i.Share} ({i.Importance!.Count}, {i.Importance.Min}, {i.Importance.Max}, {Math.Round(i.Importance.Average, 12)})"));
    }

    [Fact]
    public async Task Similar_roles_of_a_list_are_given_for_the_ids_that_are_roles_only()
    {
        var similar = await _store.Queries().SimilarRolesAsync(["x", "a", "no-such-node", "b", "t"], 10, Ct);

        Assert.Equal(["a", "b"], similar.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("b", similar["a"].Select(r => r.Role.Id)); // they share x
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Similar_roles_of_a_list_refuse_a_first_out_of_range_even_for_no_roles(int first)
    {
        foreach (var ids in new[] { new[] { "a" }, [] })
        {
            var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().SimilarRolesAsync(ids, first, Ct));
            Assert.Equal(("first", (object)first), (error.Argument, error.Value));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Similar_roles_of_a_list_take_a_first_of_one_to_a_hundred(int first)
    {
        var similar = await _store.Queries().SimilarRolesAsync(["a"], first, Ct);

        Assert.Equal("b", Assert.Single(similar["a"]).Role.Id); // c shares nothing with a
    }
}
