using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// The weighted-Jaccard baseline with items of importance 0: an item a role holds at importance 0 counts for nothing,
/// so a role that shares only such items shares nothing and is not listed (not even with score 0).
/// </summary>
public sealed class SimilarityWeightZeroTests
{
    /// <summary>
    /// q: x at 0, y at 1, tool t at 0. b: x at 0 and t at 0, nothing else. c: y at 0.5. d: x at 0 only.
    /// </summary>
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Role("q", "Query").Role("b", "Bravo").Role("c", "Charlie").Role("d", "Delta")
        .Skill("x").Skill("y").Tool("t")
        .Requires("q", "x", 0).Requires("q", "y", 1).Uses("q", "t", 0)
        .Requires("b", "x", 0).Uses("b", "t", 0)
        .Requires("c", "y", 0.5)
        .Requires("d", "x", 0)
        .Build();

    private static (string Id, double Score)[] Rank(GraphSnapshot graph, string role) =>
        Similarity.Rank(graph, graph.IndexOf(role), 10).Select(r => (r.Role.Id, r.Score)).ToArray();

    [Fact]
    public void A_role_sharing_only_items_of_importance_0_is_not_similar()
    {
        // c: Σmin = min(1, .5) = .5; Σmax = x 0 + y 1 + t 0 = 1. b and d share x and t at 0: Σmin 0.
        Assert.Equal([("c", 0.5)], Rank(Graph(), "q"));
    }

    [Fact]
    public void Roles_whose_items_all_weigh_0_are_similar_to_none()
    {
        // b against d: Σmin 0 and Σmax 0, which must not become 0 / 0.
        Assert.Empty(Rank(Graph(), "b"));
        Assert.Empty(Rank(Graph(), "d"));
    }
}
