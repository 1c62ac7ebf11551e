using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// Shortest paths ranked by relevance. Expected scores are worked out by hand from the documented formula:
/// spec(n) = ln((R + 1) / (r + 1)) / ln(R + 1), a path's score the mean over its inner nodes of spec times the mean
/// weight of the two links through the node.
/// </summary>
public sealed class PathRelevanceTests
{
    private static IReadOnlyList<GraphPath> Find(
        GraphSnapshot graph, string from, string to, PathOrder order = PathOrder.Relevance, int first = 10, RelationKind[]? via = null, RoleHolders? holders = null) =>
        ShortestPaths.Find(graph, graph.IndexOf(from), graph.IndexOf(to), maxHops: 4, via, first, order, holders);

    private static string Ids(GraphPath path) => string.Join(" ", path.Nodes.Select(n => n.Id));

    /// <summary>
    /// Five roles; "h" (a hub) is required by all of them, "n" (a niche skill) by a and b only, and "h" sorts first by
    /// id. spec(h) = ln(6/6)/ln 6 = 0; spec(n) = ln(6/3)/ln 6 = ln 2/ln 6 = 0.386852807...
    /// </summary>
    private static GraphSnapshot HubAndNiche() => TestGraph.Create()
        .Nodes(NodeKind.Role, "a", "b", "c", "d", "e")
        .Skill("h").Skill("n").Tool("t")
        .Requires("a", "h").Requires("b", "h").Requires("c", "h").Requires("d", "h").Requires("e", "h")
        .Requires("a", "n").Requires("b", "n")
        .Uses("a", "t").Uses("b", "t").Uses("c", "t").Uses("d", "t")
        .Build();

    [Fact]
    public void A_specific_item_comes_before_a_hub_that_sorts_first_by_id()
    {
        var paths = Find(HubAndNiche(), "a", "b");

        // t: held by 4 of 5, spec = ln(6/5)/ln 6 = 0.101755...
        Assert.Equal(["a n b", "a t b", "a h b"], paths.Select(Ids));
        Assert.Equal(0.386852807, paths[0].Score, 9);
        Assert.Equal(0.101755598, paths[1].Score, 9);
        Assert.Equal(0, paths[2].Score, 12);
    }

    [Fact]
    public void Id_order_is_still_available_and_unchanged_and_carries_the_same_scores()
    {
        var graph = HubAndNiche();

        var byId = Find(graph, "a", "b", PathOrder.Id);
        var legacy = ShortestPaths.Find(graph, graph.IndexOf("a"), graph.IndexOf("b"), 4, null, 10);

        Assert.Equal(["a h b", "a n b", "a t b"], byId.Select(Ids));
        Assert.Equal(0, byId[0].Score, 12);
        Assert.Equal(0.386852807, byId[1].Score, 9);
        Assert.Equal(0.101755598, byId[2].Score, 9);
        Assert.Equal(byId.Select(Ids), legacy.Select(Ids));
        Assert.Equal(byId.Select(p => p.Score), legacy.Select(p => p.Score));
    }

    [Fact]
    public void Among_equally_specific_items_the_heavier_links_win()
    {
        // R = 3; x and y are each held by a and b: spec = ln(4/3)/ln 4 = 0.207518749...
        // x: mean weight (0.4 + 0.6)/2 = 0.5 -> 0.103759375; y: (0.9 + 0.7)/2 = 0.8 -> 0.166015000.
        var graph = TestGraph.Create()
            .Nodes(NodeKind.Role, "a", "b", "c")
            .Skill("x").Skill("y")
            .Requires("a", "x", 0.4).Requires("b", "x", 0.6)
            .Requires("a", "y", 0.9).Requires("b", "y", 0.7)
            .Build();

        var paths = Find(graph, "a", "b");

        Assert.Equal(["a y b", "a x b"], paths.Select(Ids));
        Assert.Equal(0.166015000, paths[0].Score, 9);
        Assert.Equal(0.103759375, paths[1].Score, 9);
        Assert.Equal(["a x b", "a y b"], Find(graph, "a", "b", PathOrder.Id).Select(Ids));
    }

    [Fact]
    public void A_longer_path_averages_its_inner_nodes_with_the_weights_of_their_links()
    {
        // R = 4. a -x- u- b: x held by a, c, d (spec ln(5/4)/ln 5 = 0.138646884), u by b (ln(5/2)/ln 5 = 0.569323442);
        // links a-x 0.5, x-u 1, u-b 1: (x·(0.5+1)/2 + u·(1+1)/2) / 2 = (0.75·0.138646884 + 0.569323442) / 2 = 0.336654302.
        // a -y- v -b: y held by a (0.569323442), v by b and c (ln(5/3)/ln 5 = 0.317393806); links a-y 0.6, then 1, 1:
        // (0.8·0.569323442 + 0.317393806) / 2 = 0.386426280.
        var graph = TestGraph.Create()
            .Nodes(NodeKind.Role, "a", "b", "c", "d")
            .Skill("x").Skill("y").Tool("u").Tool("v")
            .Requires("a", "x", 0.5).Requires("c", "x").Requires("d", "x")
            .Uses("b", "u").Supports("u", "x")
            .Requires("a", "y", 0.6)
            .Uses("b", "v").Uses("c", "v").Supports("v", "y")
            .Build();

        var paths = Find(graph, "a", "b");

        Assert.Equal(["a y v b", "a x u b"], paths.Select(Ids));
        Assert.Equal(0.386426280, paths[0].Score, 9);
        Assert.Equal(0.336654302, paths[1].Score, 9);
        Assert.Equal(["a x u b", "a y v b"], Find(graph, "a", "b", PathOrder.Id).Select(Ids));
    }

    [Fact]
    public void Equal_scores_fall_back_to_id_order()
    {
        // Three items, each held by both roles only: the same score, so the same order as by id.
        var graph = TestGraph.Create()
            .Role("a").Role("b")
            .Skill("z", "Alpha").Skill("x", "Zulu").Skill("y", "Yankee")
            .Requires("a", "z").Requires("a", "x").Requires("a", "y")
            .Requires("b", "y").Requires("b", "z").Requires("b", "x")
            .Build();

        var paths = Find(graph, "a", "b");

        Assert.Equal(["a x b", "a y b", "a z b"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(0, p.Score, 12)); // R = 2, each item held by both: spec 0
    }

    [Theory]
    [InlineData(1, new[] { "a n b" })]
    [InlineData(2, new[] { "a n b", "a t b" })]
    [InlineData(3, new[] { "a n b", "a t b", "a h b" })]
    public void First_keeps_the_most_relevant_paths(int first, string[] expected)
    {
        Assert.Equal(expected, Find(HubAndNiche(), "a", "b", first: first).Select(Ids));
    }

    [Fact]
    public void Duplicates_in_via_change_nothing()
    {
        var graph = HubAndNiche();

        var once = Find(graph, "a", "b", via: [RelationKind.Requires]);
        var twice = Find(graph, "a", "b", via: [RelationKind.Requires, RelationKind.Requires]);

        Assert.Equal(["a n b", "a h b"], once.Select(Ids));
        Assert.Equal(once.Select(Ids), twice.Select(Ids));
        Assert.Equal(once.Select(p => p.Score), twice.Select(p => p.Score));
    }

    [Fact]
    public void Role_counts_passed_in_replace_the_snapshots_own()
    {
        // As a store holding only the paths' subgraph would: there, say, n is held by all 5 roles and h by 2.
        var graph = HubAndNiche();
        var h = graph.IndexOf("h");
        var n = graph.IndexOf("n");
        var holders = new RoleHolders(5, node => node == n ? 5 : node == h ? 2 : 4);

        var paths = Find(graph, "a", "b", holders: holders);

        Assert.Equal(["a h b", "a t b", "a n b"], paths.Select(Ids));
        Assert.Equal(0.386852807, paths[0].Score, 9);
    }

    [Fact]
    public void A_graph_without_roles_scores_every_path_0_and_keeps_id_order()
    {
        var graph = TestGraph.Create()
            .Category("a").Category("b").Category("c").Category("d")
            .SubcategoryOf("a", "b").SubcategoryOf("b", "c").SubcategoryOf("c", "d").SubcategoryOf("d", "a")
            .Build();

        var paths = Find(graph, "a", "c");

        Assert.Equal(["a b c", "a d c"], paths.Select(Ids));
        Assert.All(paths, p => Assert.Equal(0, p.Score));
    }

    [Fact]
    public void Paths_with_nothing_between_their_ends_score_1()
    {
        var graph = HubAndNiche();

        Assert.Equal(1, Assert.Single(Find(graph, "a", "n")).Score);
        Assert.Equal(1, Assert.Single(Find(graph, "a", "a")).Score);
        Assert.Equal(1, Assert.Single(Find(graph, "a", "n", PathOrder.Id)).Score);
    }

    [Fact]
    public void Unreachable_gives_no_path_in_either_order()
    {
        var graph = TestGraph.Create().Role("a").Role("b").Skill("x").Requires("a", "x").Build();

        Assert.Empty(Find(graph, "a", "b"));
        Assert.Empty(Find(graph, "a", "b", PathOrder.Id));
    }

    [Fact]
    public void Ranking_matches_sorting_every_path_on_a_dense_graph()
    {
        // Roles and skills with random weights, four hops apart through many equal-length paths: the best-first
        // extraction must give what sorting all of them (id order, then a stable sort by score) gives.
        var random = new Random(11);
        var builder = TestGraph.Create();
        var roles = Enumerable.Range(0, 10).Select(i => $"r{i}").ToArray();
        var skills = Enumerable.Range(0, 10).Select(i => $"s{i}").ToArray();
        builder.Nodes(NodeKind.Role, roles).Nodes(NodeKind.Skill, skills);
        foreach (var role in roles[1..^1])
        {
            foreach (var skill in skills.Where(_ => random.NextDouble() < 0.6))
            {
                builder.Requires(role, skill, Math.Round(random.NextDouble(), 2));
            }
        }

        // r0 and r9 reach the middle only through s0..s2 and s7..s9, so they are four hops apart.
        foreach (var skill in skills[..3])
        {
            builder.Requires("r0", skill, Math.Round(random.NextDouble(), 2));
        }

        foreach (var skill in skills[7..])
        {
            builder.Requires("r9", skill, Math.Round(random.NextDouble(), 2));
        }

        var graph = builder.Build();
        var all = Find(graph, "r0", "r9", PathOrder.Id, first: 1000);
        Assert.True(all.Count > 20, $"only {all.Count} paths");
        Assert.All(all, p => Assert.Equal(4, p.Length));
        var sorted = all.OrderByDescending(p => p.Score).Select(Ids).ToArray();

        foreach (var first in new[] { 1, 5, all.Count })
        {
            Assert.Equal(sorted.Take(first), Find(graph, "r0", "r9", first: first).Select(Ids));
        }
    }
}
