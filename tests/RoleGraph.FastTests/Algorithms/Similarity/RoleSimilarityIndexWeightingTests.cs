using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>How links become vector weights, and how the facets' weights become shares of a score.</summary>
public sealed class RoleSimilarityIndexWeightingTests
{
    private static readonly SimilarityOptions SkillsOnly = new() { ToolsWeight = 0, TextWeight = 0 };
    private static readonly SimilarityOptions ToolsOnly = new() { SkillsWeight = 0, TextWeight = 0 };

    private static double Score(RoleSimilarityIndex index, string role, string other) =>
        index.Score(index.Graph.IndexOf(role), index.Graph.IndexOf(other));

    /// <summary>The graph <paramref name="graph"/> describes, with <paramref name="extra"/> links the test graph's checks would not let it add.</summary>
    private static GraphSnapshot With(TestGraph graph, params GraphLink[] extra)
    {
        var document = graph.Document();
        return GraphSnapshot.Build(document.Nodes, [.. document.Links, .. extra]);
    }

    [Fact]
    public void A_skill_weighs_importance_times_level_and_a_missing_level_counts_as_1()
    {
        // q: s1 at importance 1 and level 0.5, s2 at importance 0.5 without a level: 0.5 each, so q's vector
        // points halfway between a's (s1 alone) and b's (s2 alone).
        var graph = TestGraph.Create()
            .Role("q").Role("a").Role("b").Skill("s1").Skill("s2")
            .Requires("q", "s1", 1, 0.5).Requires("q", "s2", 0.5).Requires("a", "s1").Requires("b", "s2")
            .Build();
        var index = RoleSimilarityIndex.Build(graph, SkillsOnly);

        Assert.Equal(1 / Math.Sqrt(2), Score(index, "q", "a"), 12);
        Assert.Equal(1 / Math.Sqrt(2), Score(index, "q", "b"), 12);
    }

    [Fact]
    public void A_tool_level_is_ignored()
    {
        // A taxonomy may give a USES link a level; a tool is used or not. t1 and t2 are each on 2 of 4 roles.
        var graph = With(
            TestGraph.Create().Role("q").Role("a").Role("b").Role("m").Tool("t1").Tool("t2").Uses("q", "t2").Uses("a", "t1").Uses("b", "t2"),
            new GraphLink("q", "t1", RelationKind.Uses, 1, 0.2));
        var index = RoleSimilarityIndex.Build(graph, ToolsOnly);

        Assert.Equal(1 / Math.Sqrt(2), Score(index, "q", "a"), 12);
        Assert.Equal(1 / Math.Sqrt(2), Score(index, "q", "b"), 12);
    }

    [Fact]
    public void Of_two_links_from_a_role_to_one_skill_the_heavier_counts()
    {
        // q needs s1 at 0.25 and again at 1, and s2 at 1: as if s1 once at 1.
        var graph = With(
            TestGraph.Create().Role("q").Role("a").Skill("s1").Skill("s2").Requires("q", "s1", 0.25).Requires("q", "s2").Requires("a", "s1"),
            new GraphLink("q", "s1", RelationKind.Requires, 1.0));
        var index = RoleSimilarityIndex.Build(graph, SkillsOnly);

        Assert.Equal(1 / Math.Sqrt(2), Score(index, "q", "a"), 12);
    }

    [Fact]
    public void Inverse_frequency_is_0_for_a_feature_on_every_role_or_on_none()
    {
        Assert.Equal(Math.Log(4), RoleSimilarityIndex.InverseFrequency(4, 1), 12);
        Assert.Equal(0, RoleSimilarityIndex.InverseFrequency(4, 4));
        Assert.Equal(0, RoleSimilarityIndex.InverseFrequency(4, 0));
        Assert.Equal(0, RoleSimilarityIndex.InverseFrequency(0, 0));
    }

    [Fact]
    public void A_facet_no_role_has_content_in_takes_no_share()
    {
        // The only skill link has importance 0, so no role has a skill vector: tools (1) and text (2) share the score.
        var graph = TestGraph.Create()
            .Role("q", "Baker").Role("a", "Plumber").Role("m", "Miner").Skill("sql").Tool("oven")
            .Requires("q", "sql", 0).Uses("q", "oven").Uses("a", "oven")
            .Build();

        var shares = RoleSimilarityIndex.Build(graph, new SimilarityOptions()).Shares;

        Assert.Equal([SimilarityFacets.Skills, SimilarityFacets.Tools, SimilarityFacets.Text], shares.Select(s => s.Facet));
        Assert.Equal(0.0, shares[0].Share);
        Assert.Equal(1.0 / 3, shares[1].Share, 12);
        Assert.Equal(2.0 / 3, shares[2].Share, 12);
    }

    [Fact]
    public void With_every_facet_weighted_0_no_facet_takes_a_share_and_no_role_is_similar()
    {
        var graph = TestGraph.Create()
            .Role("q", "Baker").Role("a", "Baker").Role("m", "Miner").Skill("sql").Tool("oven")
            .Requires("q", "sql").Requires("a", "sql").Uses("q", "oven").Uses("a", "oven")
            .Build();

        var index = RoleSimilarityIndex.Build(graph, new SimilarityOptions { SkillsWeight = 0, ToolsWeight = 0, TextWeight = 0 });

        Assert.Equal([0.0, 0.0, 0.0], index.Shares.Select(s => s.Share));
        Assert.Empty(index.Nearest(graph.IndexOf("q"), 5));
        Assert.Equal(0, Score(index, "q", "a"));
    }

    [Fact]
    public void Building_without_a_graph_or_options_is_refused_by_name()
    {
        var graph = TestGraph.Create().Role("q").Build();

        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => RoleSimilarityIndex.Build(null!, new SimilarityOptions())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RoleSimilarityIndex.Build(graph, null!)).ParamName);
    }
}
