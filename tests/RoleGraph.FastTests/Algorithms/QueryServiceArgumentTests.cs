using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// The query service's refusals of bad arguments, each naming the argument and value a client gave (the GraphQL
/// layer turns them into errors with that argument's path), over an embedded store holding a graph written here.
/// </summary>
public sealed class QueryServiceArgumentTests : IAsyncLifetime
{
    private EmbeddedGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await TestGraph.Create()
            .Role("a").Role("b").Skill("x")
            .Requires("a", "x", 0.5).Requires("b", "x", 0.9)
            .StoreAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, int?, int?, int> BadPages => new()
    {
        { "first", 101, null, 101 },
        { "first", -1, null, -1 },
        { "last", null, 101, 101 },
        { "last", null, -1, -1 },
    };

    [Theory]
    [MemberData(nameof(BadPages))]
    public async Task Link_pages_refuse_a_page_size_out_of_range_whatever_the_ids(string argument, int? first, int? last, int value)
    {
        var query = new LinkQuery(RelationKind.Requires, LinkDirection.Incoming, null, null, [], new PageRequest(First: first, Last: last));
        foreach (var ids in new[] { new[] { "x" }, ["no-such-node"] })
        {
            var error = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().GetLinkPagesAsync(ids, query, Ct));

            Assert.Equal((argument, (object)value), (error.Argument, error.Value));
            Assert.Equal($"Argument '{argument}' must be between 0 and 100; got {value}.", error.Message);
        }
    }

    [Fact]
    public async Task Link_pages_take_a_page_size_of_a_hundred()
    {
        var query = new LinkQuery(RelationKind.Requires, LinkDirection.Incoming, null, null, [], new PageRequest(First: 100));

        var pages = await _store.Queries().GetLinkPagesAsync(["x"], query, Ct);

        Assert.Equal(["a", "b"], pages["x"].Items.Select(i => i.Node.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Career_paths_name_the_argument_of_an_unknown_or_wrong_kind_of_role()
    {
        var unknownFrom = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().CareerPathsAsync("nobody", "b", 3, 5, Ct));
        Assert.Equal(("fromRoleId", (object)"nobody", "No node has the id 'nobody' (argument 'fromRoleId')."), (unknownFrom.Argument, unknownFrom.Value, unknownFrom.Message));

        var skillFrom = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().CareerPathsAsync("x", "b", 3, 5, Ct));
        Assert.Equal(("fromRoleId", (object)"x", "The node 'x' (argument 'fromRoleId') is a Skill, not a Role."), (skillFrom.Argument, skillFrom.Value, skillFrom.Message));

        var unknownTo = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().CareerPathsAsync("a", "nobody", 3, 5, Ct));
        Assert.Equal(("toRoleId", (object)"nobody", "No node has the id 'nobody' (argument 'toRoleId')."), (unknownTo.Argument, unknownTo.Value, unknownTo.Message));

        var skillTo = await Assert.ThrowsAsync<GraphInputException>(() => _store.Queries().CareerPathsAsync("a", "x", 3, 5, Ct));
        Assert.Equal(("toRoleId", (object)"x", "The node 'x' (argument 'toRoleId') is a Skill, not a Role."), (skillTo.Argument, skillTo.Value, skillTo.Message));
    }
}
