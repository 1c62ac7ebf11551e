using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// Change sets applied to a snapshot where the random edit sequences rarely or never go: a node deleted and written
/// again, a node re-kinded, a rename with no node created or deleted, change sets a correct planner never makes (the
/// snapshot must refuse them, not corrupt the graph), and the bookkeeping the store reads to decide a rebuild.
/// Expected values are written by hand; where a whole answer is compared, the reference is a snapshot built whole.
/// </summary>
public sealed class SnapshotOverlayChangeSetTests
{
    private static GraphNode Node(string id, NodeKind kind, string? name = null) => new(id, kind, name ?? id, null, [], GraphNode.NoProperties);

    private static GraphChangeSet Changes(GraphNode[]? write = null, string[]? delete = null, GraphLink[]? writeLinks = null, LinkKey[]? deleteLinks = null) =>
        new(write ?? [], delete ?? [], writeLinks ?? [], deleteLinks ?? []);

    // By id: r (0), s (1), t (2), v (3). By name: analyst, go, python, zeta.
    private static readonly GraphNode[] BaseNodes =
        [Node("r", NodeKind.Role, "Analyst"), Node("s", NodeKind.Skill, "Python"), Node("t", NodeKind.Skill, "Go"), Node("v", NodeKind.Skill, "Zeta")];

    private static readonly GraphLink[] BaseLinks = [new("r", "s", RelationKind.Requires, 0.5)];

    private static GraphSnapshot Base() => GraphSnapshot.Build(BaseNodes, BaseLinks);

    private static string Ids(GraphSnapshot graph) => string.Join(",", graph.Nodes.Select(n => n.Id));

    [Fact]
    public void Applying_names_a_missing_change_set()
    {
        Assert.Equal("changes", Assert.Throws<ArgumentNullException>(() => Base().Apply(null!)).ParamName);
    }

    [Fact]
    public void A_part_of_a_larger_graph_refuses_an_edit()
    {
        // Its counts come from the whole graph, which an edit of the part would leave stale.
        var part = GraphSnapshot.Build(BaseNodes, BaseLinks, new WholeGraphCounts(7, new Dictionary<string, int> { ["s"] = 3 }));

        var error = Assert.Throws<InvalidOperationException>(() => part.Apply(Changes(write: [Node("t", NodeKind.Skill, "Golang")])));

        Assert.Equal("A part of a larger graph cannot be edited.", error.Message);
    }

    [Fact]
    public void Rebuilding_a_whole_snapshot_keeps_it_and_its_whole_graph_counts()
    {
        var counts = new WholeGraphCounts(7, new Dictionary<string, int> { ["s"] = 3 });
        var part = GraphSnapshot.Build(BaseNodes, BaseLinks, counts);
        var whole = Base();

        Assert.Same(part, part.Rebuild());
        Assert.Same(counts, part.Rebuild().WholeGraph);
        Assert.Same(whole, whole.Rebuild());
    }

    [Fact]
    public void A_derived_snapshot_holds_its_changes_until_rebuilt()
    {
        var root = Base();

        var renamed = root.Apply(Changes(write: [Node("t", NodeKind.Skill, "Golang")]));
        var twice = renamed.Apply(Changes(write: [Node("v", NodeKind.Skill, "Zig")]));

        // One node changed, then a second: that is what a rebuild would fold into a new root.
        Assert.Equal(1, renamed.ChangesSinceBuild);
        Assert.Equal(2, twice.ChangesSinceBuild);
        Assert.Equal("Golang", twice.Find("t")!.Name);
        Assert.Equal("Zig", twice.Find("v")!.Name);
        Assert.Equal(0, twice.Rebuild().ChangesSinceBuild);
        Assert.Equal("Zig", twice.Rebuild().Find("v")!.Name);
    }

    [Fact]
    public void A_re_kinded_node_moves_to_its_new_kind()
    {
        var graph = Base().Apply(Changes(write: [Node("t", NodeKind.Tool, "Go")]));

        Assert.Equal([1, 3], graph.OfKind(NodeKind.Skill).ToArray());
        Assert.Equal([2], graph.OfKind(NodeKind.Tool).ToArray());
        Assert.Equal([2], graph.OfKindByName(NodeKind.Tool));
        Assert.Equal(NodeKind.Tool, graph.Find("t")!.Kind);
    }

    [Fact]
    public void A_re_kinding_change_set_still_deletes_what_it_deletes()
    {
        // The re-kind makes the snapshot build whole: the deletion in the same change set must still happen.
        var graph = Base().Apply(Changes(write: [Node("t", NodeKind.Tool, "Go")], delete: ["v"]));

        Assert.Equal("r,s,t", Ids(graph));
        Assert.Null(graph.Find("v"));
        Assert.Equal([1], graph.OfKind(NodeKind.Skill).ToArray());
        Assert.Equal([2], graph.OfKind(NodeKind.Tool).ToArray());
    }

    [Fact]
    public void A_rename_alone_reorders_the_names()
    {
        // No node created or deleted, so no index moves, but python becomes assembly and sorts first among skills.
        var graph = Base().Apply(Changes(write: [Node("s", NodeKind.Skill, "Assembly")]));

        Assert.Equal([1, 2, 3], graph.OfKindByName(NodeKind.Skill));
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(graph.NameRank));
        Assert.Equal([2, 1, 3], Base().OfKindByName(NodeKind.Skill)); // the root's own order is what it was
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_deleted_node_written_again_with_its_kind_comes_back_in_place(bool inOneChangeSet)
    {
        var root = Base();
        var graph = inOneChangeSet
            ? root.Apply(Changes(write: [Node("t", NodeKind.Skill, "Go")], delete: ["t"]))
            : root.Apply(Changes(delete: ["t"])).Apply(Changes(write: [Node("t", NodeKind.Skill, "Go")]));

        Assert.Equal("r,s,t,v", Ids(graph));
        Assert.True(graph.TryGetIndex("t", out var t) && t == 2);
        Assert.Equal(NodeKind.Skill, graph.Find("t")!.Kind);
        Assert.Empty(graph.Neighbors(2).ToArray());
        Assert.Equal([1, 2, 3], graph.OfKind(NodeKind.Skill).ToArray());
        Assert.Equal([2, 1, 3], graph.OfKindByName(NodeKind.Skill)); // go, python, zeta
        Assert.Equal([0, 2, 1, 3], Enumerable.Range(0, 4).Select(graph.NameRank));

        // Derived, not built whole: bringing a node back is a change like any other.
        Assert.True(graph.ChangesSinceBuild > 0);
        Assert.Same(root, graph.Root);
    }

    [Fact]
    public void A_deleted_node_written_again_under_a_new_name_ranks_by_it()
    {
        var graph = Base().Apply(Changes(delete: ["t"])).Apply(Changes(write: [Node("t", NodeKind.Skill, "Xray")]));

        Assert.Equal([1, 2, 3], graph.OfKindByName(NodeKind.Skill)); // python, xray, zeta
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(graph.NameRank));
        AssertSameAsBuiltWhole(graph);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_deleted_node_written_again_with_another_kind_moves_to_that_kind(bool inOneChangeSet)
    {
        var root = Base();
        var graph = inOneChangeSet
            ? root.Apply(Changes(write: [Node("t", NodeKind.Tool, "Go")], delete: ["t"]))
            : root.Apply(Changes(delete: ["t"])).Apply(Changes(write: [Node("t", NodeKind.Tool, "Go")]));

        Assert.Equal("r,s,t,v", Ids(graph));
        Assert.Equal([1, 3], graph.OfKind(NodeKind.Skill).ToArray());
        Assert.Equal([2], graph.OfKind(NodeKind.Tool).ToArray());
        Assert.Equal([2], graph.OfKindByName(NodeKind.Tool));
        Assert.Equal(NodeKind.Tool, graph.Find("t")!.Kind);
    }

    [Fact]
    public void The_first_node_can_be_deleted()
    {
        // r sorts first (index 0); its link goes in the same change set, before the node.
        var graph = Base().Apply(Changes(delete: ["r"], deleteLinks: [new("r", "s", RelationKind.Requires)]));

        Assert.Equal("s,t,v", Ids(graph));
        Assert.Null(graph.Find("r"));
        Assert.Empty(graph.Links);
        Assert.Equal([0, 1, 2], graph.OfKind(NodeKind.Skill).ToArray());
    }

    [Fact]
    public void A_deletion_holds_only_what_it_changed()
    {
        var root = Base();

        // The store rebuilds by this count: a deleted node must not leave its (empty) adjacency behind.
        Assert.Equal(1, root.Apply(Changes(delete: ["t"])).ChangesSinceBuild);

        // A created node deleted again leaves the root's graph, holding nothing of the node.
        var gone = root.Apply(Changes(write: [Node("x", NodeKind.Skill, "X")])).Apply(Changes(delete: ["x"]));
        Assert.Equal("r,s,t,v", Ids(gone));
        Assert.False(gone.TryGetIndex("x", out _));
        Assert.Null(gone.Find("x"));
        Assert.Equal(0, gone.ChangesSinceBuild);
    }

    [Fact]
    public void A_change_set_that_deletes_an_absent_node_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Base().Apply(Changes(delete: ["x"])));

        Assert.Equal("The change set deletes 'x', which is absent or still linked.", error.Message);
    }

    [Fact]
    public void A_change_set_that_deletes_a_linked_node_is_refused()
    {
        // Deleting s alone would leave r requiring a node that is gone.
        var error = Assert.Throws<InvalidOperationException>(() => Base().Apply(Changes(delete: ["s"])));

        Assert.Equal("The change set deletes 's', which is absent or still linked.", error.Message);
    }

    [Theory]
    [InlineData("r", "x")]
    [InlineData("x", "s")]
    [InlineData("x", "y")]
    public void A_change_set_that_links_an_absent_node_is_refused(string from, string to)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Base().Apply(Changes(writeLinks: [new(from, to, RelationKind.Requires)])));

        Assert.Equal($"The change set links a node that is absent: {from} -REQUIRES-> {to}.", error.Message);
    }

    [Theory]
    [InlineData("r", "t")] // both nodes there, no such link
    [InlineData("r", "x")]
    [InlineData("x", "s")]
    public void A_change_set_that_deletes_an_absent_link_is_refused(string from, string to)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Base().Apply(Changes(deleteLinks: [new(from, to, RelationKind.Requires)])));

        Assert.Equal($"The change set deletes the link {from} -REQUIRES-> {to}, which is absent.", error.Message);
    }

    // Link positions differ between the two (a derived snapshot appends): compare what the links say.
    private static string Describe(GraphSnapshot graph, int index) =>
        string.Join(" ", graph.Neighbors(index).ToArray().Select(a => $"{a.Node}:{a.Relation}:{a.Outgoing}:{LinkKey.Of(graph.Link(a.Link))}"));

    /// <summary>The derived snapshot against one built whole from its own nodes and links.</summary>
    private static void AssertSameAsBuiltWhole(GraphSnapshot derived)
    {
        var whole = GraphSnapshot.Build(derived.Nodes.ToArray(), derived.Links.ToArray());
        Assert.Equal(whole.NodeCount, derived.NodeCount);
        for (var i = 0; i < whole.NodeCount; i++)
        {
            Assert.Equal(whole[i], derived[i]);
            Assert.True(derived.TryGetIndex(whole[i].Id, out var index) && index == i);
            Assert.Equal(whole.NameRank(i), derived.NameRank(i));
            Assert.Equal(Describe(whole, i), Describe(derived, i));
        }

        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            Assert.Equal(whole.OfKind(kind).ToArray(), derived.OfKind(kind).ToArray());
            Assert.Equal(whole.OfKindByName(kind), derived.OfKindByName(kind));
        }
    }
}
