using Microsoft.Extensions.Logging.Abstractions;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Embedded;
using RoleGraph.Tests.Algorithms;

using RoleGraph.Tests.Infrastructure;

namespace RoleGraph.Tests.Embedded;

public sealed class EmbeddedStoreLinkedNodesTests : IAsyncLifetime
{
    private readonly EmbeddedGraphStore _store = new(null, NullLogger<EmbeddedGraphStore>.Instance);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // r requires: s1 Zeta .5, s2 Beta (none: 1), s3 Alpha 1.0, s4 Alpha .5, s0 Alpha .5; uses t Tableau .7.
        // Roles q (Quinn) and p (Parker) require s3 with .2 and .2; r requires it with 1.0.
        var graph = TestGraph.Create()
            .Role("r", "Riley").Role("q", "Quinn").Role("p", "Parker")
            .Skill("s1", "Zeta").Skill("s2", "Beta").Skill("s3", "Alpha").Skill("s4", "Alpha").Skill("s0", "Alpha")
            .Tool("t", "Tableau")
            .Requires("r", "s1", 0.5).Requires("r", "s2").Requires("r", "s3", 1.0).Requires("r", "s4", 0.5).Requires("r", "s0", 0.5)
            .Uses("r", "t", 0.7)
            .Requires("q", "s3", 0.2).Requires("p", "s3", 0.2)
            .Supports("t", "s3");

        await _store.InitializeAsync(_ct);
        await _store.ApplyAsync(GraphEdit.Import(graph.Document(), ImportMode.Replace), dryRun: false, _ct);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IReadOnlyList<LinkedNode>> Linked(string id, RelationKind relation, LinkDirection direction) =>
        (await _store.Queries().GetLinkedAsync([id], relation, direction, _ct))[id];

    [Fact]
    public async Task Linked_nodes_come_by_weight_descending_then_name_then_id()
    {
        var linked = await Linked("r", RelationKind.Requires, LinkDirection.Outgoing);

        Assert.Equal(["s3", "s2", "s0", "s4", "s1"], linked.Select(l => l.Node.Id));
        Assert.Equal([1.0, null, 0.5, 0.5, 0.5], linked.Select(l => l.Link.Importance));
    }

    [Fact]
    public async Task Incoming_links_are_seen_from_their_target()
    {
        var linked = await Linked("s3", RelationKind.Requires, LinkDirection.Incoming);

        Assert.Equal(["r", "p", "q"], linked.Select(l => l.Node.Id));
        Assert.All(linked, l => Assert.Equal("s3", l.Link.ToId));
    }

    [Fact]
    public async Task Only_links_of_the_asked_relation_and_direction_count()
    {
        Assert.Equal(["t"], (await Linked("r", RelationKind.Uses, LinkDirection.Outgoing)).Select(l => l.Node.Id));
        Assert.Equal(["t"], (await Linked("s3", RelationKind.Supports, LinkDirection.Incoming)).Select(l => l.Node.Id));
        Assert.Empty(await Linked("r", RelationKind.Requires, LinkDirection.Incoming));
        Assert.Empty(await Linked("s3", RelationKind.Supports, LinkDirection.Outgoing));
    }

    [Fact]
    public async Task Every_id_asked_for_gets_an_entry_unknown_ones_an_empty_list()
    {
        var linked = await _store.Queries().GetLinkedAsync(["q", "nobody", "p"], RelationKind.Requires, LinkDirection.Outgoing, _ct);

        Assert.Equal(["nobody", "p", "q"], linked.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(linked["nobody"]);
        Assert.Equal(["s3"], linked["p"].Select(l => l.Node.Id));
    }
}
