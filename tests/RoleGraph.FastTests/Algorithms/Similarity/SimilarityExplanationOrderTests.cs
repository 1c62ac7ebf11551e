using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Graph;

namespace RoleGraph.Tests.Algorithms.RoleSimilarity;

/// <summary>Which shared items an explanation lists, and in which order: most contributing first, ties by name then id.</summary>
public sealed class SimilarityExplanationOrderTests
{
    private static readonly SimilarityOptions SkillsOnly = new() { ToolsWeight = 0, TextWeight = 0 };

    private static string[] SharedItemIds(GraphSnapshot graph, SimilarityOptions options, string role = "q", string other = "a") =>
        RoleSimilarityIndex.Build(graph, options).Explain(graph.IndexOf(role), graph.IndexOf(other)).SharedItems.Select(i => i.Node.Id).ToArray();

    /// <summary>q and a both need "alpha" a little (0.2) and "omega" fully: the name order is the reverse of the contribution order.</summary>
    private static GraphSnapshot SmallAndLarge() => TestGraph.Create()
        .Role("q").Role("a").Skill("alpha", "Alpha").Skill("omega", "Omega")
        .Requires("q", "alpha", 0.2).Requires("q", "omega", 1).Requires("a", "alpha", 0.2).Requires("a", "omega", 1)
        .Build();

    [Fact]
    public void Items_are_listed_by_contribution_before_name()
    {
        var graph = SmallAndLarge();

        var explained = RoleSimilarityIndex.Build(graph, SkillsOnly).Explain(graph.IndexOf("q"), graph.IndexOf("a"));

        // Both vectors are (0.2, 1) / √1.04: alpha adds 0.04 / 1.04, omega 1 / 1.04.
        Assert.Equal(["omega", "alpha"], explained.SharedItems.Select(i => i.Node.Id));
        Assert.Equal(1 / 1.04, explained.SharedItems[0].Contribution, 12);
        Assert.Equal(0.04 / 1.04, explained.SharedItems[1].Contribution, 12);
    }

    [Fact]
    public void A_short_explanation_keeps_the_largest_contribution_not_the_first_item_by_name_or_id()
    {
        var brief = new SimilarityOptions { ToolsWeight = 0, TextWeight = 0, ExplainItems = 1 };

        Assert.Equal(["omega"], SharedItemIds(SmallAndLarge(), brief));
    }

    [Fact]
    public void A_short_explanation_breaks_a_tie_by_name_not_by_id()
    {
        // s1 and s2 add exactly as much; s2's name comes first.
        var graph = TestGraph.Create()
            .Role("q").Role("a").Skill("s1", "Zulu").Skill("s2", "Alpha")
            .Requires("q", "s1").Requires("q", "s2").Requires("a", "s1").Requires("a", "s2")
            .Build();
        var brief = new SimilarityOptions { ToolsWeight = 0, TextWeight = 0, ExplainItems = 1 };

        Assert.Equal(["s2"], SharedItemIds(graph, brief));
        Assert.Equal(["s2", "s1"], SharedItemIds(graph, SkillsOnly));
    }

    [Fact]
    public void A_skill_and_a_tool_that_add_as_much_are_ordered_by_name_whatever_their_facet()
    {
        // Skills and tools each agree fully and weigh the same: each of the two shared items adds half the score.
        // Filler uses nothing, so the tool is not on every role and keeps a weight.
        var graph = TestGraph.Create()
            .Role("q").Role("a").Role("filler").Skill("zeta", "Zeta").Tool("alpha", "Alpha")
            .Requires("q", "zeta").Requires("a", "zeta").Uses("q", "alpha").Uses("a", "alpha")
            .Build();

        var explained = RoleSimilarityIndex.Build(graph, new SimilarityOptions { TextWeight = 0 }).Explain(graph.IndexOf("q"), graph.IndexOf("a"));

        Assert.Equal([("alpha", 0.5), ("zeta", 0.5)], explained.SharedItems.Select(i => (i.Node.Id, i.Contribution)));
    }

    [Fact]
    public void A_facet_weighted_0_lists_none_of_its_items()
    {
        // Both share a skill and a tool; tools are turned off.
        var graph = TestGraph.Create()
            .Role("q").Role("a").Role("filler").Skill("sql").Tool("spark")
            .Requires("q", "sql").Requires("a", "sql").Uses("q", "spark").Uses("a", "spark")
            .Build();

        Assert.Equal(["sql"], SharedItemIds(graph, new SimilarityOptions { ToolsWeight = 0 }));
    }

    [Fact]
    public void An_item_whose_product_underflows_to_0_is_not_listed()
    {
        // tiny's normalized weight is 1e-200 on both sides (√(1e-400 + 1) is 1), and 1e-200 × 1e-200 is 0 in doubles:
        // it adds nothing, so it is not part of the explanation.
        var graph = TestGraph.Create()
            .Role("q").Role("a").Skill("tiny").Skill("sql")
            .Requires("q", "tiny", 1e-200).Requires("q", "sql").Requires("a", "tiny", 1e-200).Requires("a", "sql")
            .Build();

        Assert.Equal(["sql"], SharedItemIds(graph, SkillsOnly));
    }

    [Fact]
    public void Explaining_a_pair_that_is_not_two_roles_is_refused()
    {
        var graph = SmallAndLarge();
        var index = RoleSimilarityIndex.Build(graph, SkillsOnly);
        var (q, a, skill) = (graph.IndexOf("q"), graph.IndexOf("a"), graph.IndexOf("alpha"));

        // The argument named is the first that is not a role, so a caller's error points at the id it got wrong.
        foreach (var (role, other, named) in new[] { (q, skill, "other"), (skill, q, "role"), (skill, skill, "role"), (q, -1, "other"), (q, graph.NodeCount, "other"), (-1, q, "role") })
        {
            var e = Assert.Throws<ArgumentException>(() => index.Explain(role, other));
            Assert.StartsWith("Similarity compares two roles.", e.Message, StringComparison.Ordinal);
            Assert.Equal(named, e.ParamName);
        }

        Assert.Equal(1.0, index.Explain(q, a).Score, 12);
    }
}
