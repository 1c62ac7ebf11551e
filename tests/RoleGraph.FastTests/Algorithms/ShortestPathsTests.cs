using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

public sealed class ShortestPathsTests
{
    private static IReadOnlyList<GraphPath> Find(GraphSnapshot graph, string from, string to, int maxHops = 4, RelationKind[]? via = null, int first = 10) =>
        ShortestPaths.Find(graph, graph.IndexOf(from), graph.IndexOf(to), maxHops, via, first);

    private static string Ids(GraphPath path) => string.Join(" ", path.Nodes.Select(n => n.Id));

    private static (string From, string To, RelationKind Relation, bool Forward)[] Steps(GraphPath path) =>
        path.Steps.Select(s => (s.FromId, s.ToId, s.Relation, s.Forward)).ToArray();

    /// <summary>
    /// s to t in three hops four ways round a grid, plus a four-hop detour. Ids sort ordinally ("n-10" before "n-9")
    /// and names run against the ids, so only node-id order gives the expected sequence.
    /// </summary>
    private static GraphSnapshot Grid() => TestGraph.Create()
        .Category("s").Category("t")
        .Category("m-2", "Alpha").Category("m-1", "Zeta")
        .Category("n-9", "Alpha").Category("n-10", "Zeta")
        .Category("d-1").Category("d-2").Category("d-3")
        .SubcategoryOf("s", "m-2").SubcategoryOf("m-1", "s")
        .SubcategoryOf("m-1", "n-9").SubcategoryOf("n-10", "m-1").SubcategoryOf("m-2", "n-9")
        .SubcategoryOf("n-9", "t").SubcategoryOf("t", "n-10")
        .SubcategoryOf("s", "d-1").SubcategoryOf("d-1", "d-2").SubcategoryOf("d-2", "d-3").SubcategoryOf("d-3", "t")
        .Build();

    [Fact]
    public void Ties_are_all_returned_in_node_id_order()
    {
        // Skills added out of order and named against their ids: z, x, y named Alpha, Zulu, Yankee.
        var graph = TestGraph.Create()
            .Role("a").Role("b")
            .Skill("z", "Alpha").Skill("x", "Zulu").Skill("y", "Yankee")
            .Requires("a", "z").Requires("a", "x").Requires("a", "y")
            .Requires("b", "y").Requires("b", "z").Requires("b", "x")
            .Build();

        var paths = Find(graph, "a", "b");

        Assert.Equal(["a x b", "a y b", "a z b"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(2, p.Length));
        Assert.Equal(
            [("a", "y", RelationKind.Requires, true), ("y", "b", RelationKind.Requires, false)],
            Steps(paths[1]));
    }

    [Fact]
    public void Longer_tied_paths_are_ordered_by_the_whole_node_id_sequence()
    {
        var paths = Find(Grid(), "s", "t");

        Assert.Equal(["s m-1 n-10 t", "s m-1 n-9 t", "s m-2 n-9 t"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(3, p.Length));
    }

    [Fact]
    public void Two_links_between_the_same_nodes_give_two_paths_in_relation_order()
    {
        // Not a graph the schema allows (a role both requires and uses x); the order still has to be defined.
        var graph = TestGraph.Create()
            .Role("a").Skill("x").Role("b")
            .Link("a", "x", RelationKind.Uses).Link("a", "x", RelationKind.Requires)
            .Requires("b", "x")
            .Build();

        var paths = Find(graph, "a", "b");

        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.Equal("a x b", Ids(p)));
        Assert.Equal([RelationKind.Requires, RelationKind.Uses], paths.Select(p => p.Steps[0].Relation));
    }

    [Theory]
    [InlineData(1, new[] { "s m-1 n-10 t" })]
    [InlineData(2, new[] { "s m-1 n-10 t", "s m-1 n-9 t" })]
    [InlineData(3, new[] { "s m-1 n-10 t", "s m-1 n-9 t", "s m-2 n-9 t" })]
    [InlineData(100, new[] { "s m-1 n-10 t", "s m-1 n-9 t", "s m-2 n-9 t" })]
    public void First_keeps_the_lexicographically_first_paths(int first, string[] expected)
    {
        Assert.Equal(expected, Find(Grid(), "s", "t", first: first).Select(Ids));
    }

    [Fact]
    public void Disconnected_nodes_have_no_path()
    {
        var graph = TestGraph.Create()
            .Role("a").Skill("x").Role("b").Skill("y").Skill("lonely")
            .Requires("a", "x").Requires("b", "y")
            .Build();

        Assert.Empty(Find(graph, "a", "b", maxHops: 8));
        Assert.Empty(Find(graph, "a", "lonely", maxHops: 8));
        Assert.Empty(Find(graph, "lonely", "y", maxHops: 8));
    }

    [Fact]
    public void A_triangle_gives_the_direct_link_only()
    {
        var graph = TestGraph.Create()
            .Category("a").Category("b").Category("c")
            .SubcategoryOf("a", "b").SubcategoryOf("b", "c").SubcategoryOf("c", "a")
            .Build();

        var path = Assert.Single(Find(graph, "a", "c"));

        Assert.Equal("a c", Ids(path));
        Assert.Equal([("a", "c", RelationKind.SubcategoryOf, false)], Steps(path));
    }

    [Fact]
    public void A_square_gives_both_ways_round_and_no_path_revisits_a_node()
    {
        var graph = TestGraph.Create()
            .Category("a").Category("b").Category("c").Category("d")
            .SubcategoryOf("a", "b").SubcategoryOf("b", "c").SubcategoryOf("c", "d").SubcategoryOf("d", "a")
            .Build();

        var paths = Find(graph, "a", "c", maxHops: 8);

        Assert.Equal(["a b c", "a d c"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(p.Nodes.Count, p.Nodes.Select(n => n.Id).Distinct().Count()));
        Assert.Equal([("a", "b", RelationKind.SubcategoryOf, true), ("b", "c", RelationKind.SubcategoryOf, true)], Steps(paths[0]));
        Assert.Equal([("a", "d", RelationKind.SubcategoryOf, false), ("d", "c", RelationKind.SubcategoryOf, false)], Steps(paths[1]));
        Assert.Equal("a b", Ids(Assert.Single(Find(graph, "a", "b"))));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(8, 1)]
    public void Max_hops_below_the_distance_finds_nothing(int maxHops, int expectedPaths)
    {
        var graph = TestGraph.Create()
            .Category("a").Category("b").Category("c").Category("d")
            .SubcategoryOf("a", "b").SubcategoryOf("b", "c").SubcategoryOf("c", "d")
            .Build();

        var paths = Find(graph, "a", "d", maxHops: maxHops);

        Assert.Equal(expectedPaths, paths.Count);
        Assert.All(paths, p => Assert.Equal("a b c d", Ids(p)));
    }

    [Fact]
    public void A_node_to_itself_is_one_path_of_length_zero()
    {
        var graph = TestGraph.Create().Skill("x").Skill("lonely").Role("a").Requires("a", "x").Build();

        foreach (var id in new[] { "x", "lonely" })
        {
            var path = Assert.Single(Find(graph, id, id));
            Assert.Equal(0, path.Length);
            Assert.Empty(path.Steps);
            Assert.Equal(id, Assert.Single(path.Nodes).Id);
        }
    }

    [Fact]
    public void Via_limits_the_relations_crossed()
    {
        // t is used by r directly; it also supports s, which r requires; s sits in category c, as does t.
        var graph = TestGraph.Create()
            .Role("r").Skill("s").Tool("t").Category("c")
            .Uses("r", "t").Supports("t", "s").Requires("r", "s").InCategory("s", "c").InCategory("t", "c")
            .Build();

        Assert.Equal(["t r"], Find(graph, "t", "r").Select(Ids));
        Assert.Equal(["t s r"], Find(graph, "t", "r", via: [RelationKind.Supports, RelationKind.Requires]).Select(Ids));
        Assert.Equal(["t c s r"], Find(graph, "t", "r", via: [RelationKind.InCategory, RelationKind.Requires]).Select(Ids));
        Assert.Empty(Find(graph, "t", "r", via: [RelationKind.InCategory]));
        Assert.Equal(["t r"], Find(graph, "t", "r", via: []).Select(Ids));
    }

    [Fact]
    public void Steps_tell_whether_each_link_is_walked_forwards_or_backwards()
    {
        // python <-REQUIRES- mle -USES-> tensorflow -SUPPORTS-> ml
        var graph = TestGraph.Create()
            .Skill("python").Role("mle").Tool("tensorflow").Skill("ml")
            .Requires("mle", "python").Uses("mle", "tensorflow").Supports("tensorflow", "ml")
            .Build();

        var there = Assert.Single(Find(graph, "python", "ml"));
        var back = Assert.Single(Find(graph, "ml", "python"));

        Assert.Equal(
            [("python", "mle", RelationKind.Requires, false), ("mle", "tensorflow", RelationKind.Uses, true), ("tensorflow", "ml", RelationKind.Supports, true)],
            Steps(there));
        Assert.Equal(
            [("ml", "tensorflow", RelationKind.Supports, false), ("tensorflow", "mle", RelationKind.Uses, false), ("mle", "python", RelationKind.Requires, true)],
            Steps(back));
        Assert.Equal(["python", "mle", "tensorflow", "ml"], there.Nodes.Select(n => n.Id));
    }
}
