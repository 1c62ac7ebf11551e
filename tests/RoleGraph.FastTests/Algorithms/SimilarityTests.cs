using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;

namespace RoleGraph.Tests.Algorithms;

public sealed class SimilarityTests
{
    /// <summary>
    /// a (Delta): x 1 (absent), y 0.5, tool t 0.8.
    /// b (Zulu): x 0.5, y 0.5.  c (Able): t 0.4, z 1.  d (Kilo): z only.  e (Beta) and f (Alpha): the same as a.
    /// h (Hotel): only a responsibility a also has.
    /// </summary>
    private static GraphSnapshot Graph() => TestGraph.Create()
        .Role("a", "Delta").Role("b", "Zulu").Role("c", "Able").Role("d", "Kilo").Role("e", "Beta").Role("f", "Alpha").Role("h", "Hotel")
        .Skill("x", "SQL").Skill("y", "Python").Skill("z", "Java").Tool("t", "Tableau").Responsibility("p")
        .Requires("a", "x").Requires("a", "y", 0.5).Uses("a", "t", 0.8).ResponsibleFor("a", "p")
        .Requires("b", "x", 0.5).Requires("b", "y", 0.5)
        .Uses("c", "t", 0.4).Requires("c", "z", 1.0)
        .Requires("d", "z")
        .Requires("e", "x", 1.0).Requires("e", "y", 0.5).Uses("e", "t", 0.8)
        .Requires("f", "x").Requires("f", "y", 0.5).Uses("f", "t", 0.8)
        .ResponsibleFor("h", "p")
        .Build();

    private static IReadOnlyList<SimilarRole> Rank(GraphSnapshot graph, string role, int first = 10) =>
        Similarity.Rank(graph, graph.IndexOf(role), first);

    [Fact]
    public void Scores_are_weighted_jaccard_of_skills_and_tools()
    {
        var ranked = Rank(Graph(), "a");

        Assert.Equal(["f", "e", "b", "c"], ranked.Select(r => r.Role.Id));
        Assert.Equal(1.0, ranked[0].Score, 12);
        Assert.Equal(1.0, ranked[1].Score, 12);

        // b: Σmin = min(1, .5) + min(.5, .5) = 1; Σmax = 1 + .5 + .8 (t, which b lacks) = 2.3.
        Assert.Equal(1.0 / 2.3, ranked[2].Score, 12);

        // c: Σmin = min(.8, .4) = .4; Σmax = x 1 + y .5 + t .8 + z 1 = 3.3.
        Assert.Equal(0.4 / 3.3, ranked[3].Score, 12);
    }

    [Fact]
    public void The_role_itself_and_roles_sharing_no_skill_or_tool_are_left_out()
    {
        var ids = Rank(Graph(), "a").Select(r => r.Role.Id).ToArray();

        Assert.DoesNotContain("a", ids);
        Assert.DoesNotContain("d", ids);
        Assert.DoesNotContain("h", ids);
        Assert.Empty(Rank(Graph(), "h"));
    }

    [Fact]
    public void Scores_equal_but_for_floating_point_rounding_tie_and_are_ordered_by_name()
    {
        // From t (p .1, q .2, s .3): u shares p and q (Σmin .1 + .2 = 0.30000000000000004 in doubles), v shares s
        // (Σmin .3). Both are 1/2 exactly; unrounded, u (Zulu) would win on the last bit.
        var graph = TestGraph.Create()
            .Role("t", "Target").Role("u", "Zulu").Role("v", "Alpha")
            .Skill("p", "P").Skill("q", "Q").Skill("s", "S")
            .Requires("t", "p", 0.1).Requires("t", "q", 0.2).Requires("t", "s", 0.3)
            .Requires("u", "p", 0.1).Requires("u", "q", 0.2)
            .Requires("v", "s", 0.3)
            .Build();
        Assert.NotEqual(0.1 + 0.2, 0.3); // the premise: the two sums differ as doubles

        var ranked = Rank(graph, "t");

        Assert.Equal(["v", "u"], ranked.Select(r => r.Role.Id));
        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.Equal(0.5, ranked[0].Score);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_name()
    {
        // From b (x .5, y .5): a, e and f each give Σmin 1 and Σmax 1 + 2.3 - 1 = 2.3; named Delta, Beta, Alpha.
        var ranked = Rank(Graph(), "b");

        Assert.Equal(["f", "e", "a"], ranked.Select(r => r.Role.Id));
        Assert.All(ranked, r => Assert.Equal(1.0 / 2.3, r.Score, 12));
    }

    [Fact]
    public void Scores_are_symmetric()
    {
        var graph = Graph();

        var fromC = Rank(graph, "c").Single(r => r.Role.Id == "a").Score;
        var fromA = Rank(graph, "a").Single(r => r.Role.Id == "c").Score;

        Assert.Equal(fromA, fromC, 12);
        Assert.Equal(["d", "f", "e", "a"], Rank(graph, "c").Select(r => r.Role.Id));
        Assert.Equal(1.0 / 1.4, Rank(graph, "c")[0].Score, 12); // d: Σmin z 1; Σmax t .4 + z 1
    }

    [Theory]
    [InlineData(1, new[] { "f" })]
    [InlineData(3, new[] { "f", "e", "b" })]
    [InlineData(100, new[] { "f", "e", "b", "c" })]
    public void First_keeps_the_best(int first, string[] expected)
    {
        Assert.Equal(expected, Rank(Graph(), "a", first).Select(r => r.Role.Id));
    }

    [Fact]
    public void Shared_items_are_the_skills_and_tools_both_hold_by_name()
    {
        var ranked = Rank(Graph(), "a").ToDictionary(r => r.Role.Id);

        Assert.Equal(["y", "x", "t"], ranked["f"].Shared.Select(n => n.Id)); // Python, SQL, Tableau
        Assert.Equal(["y", "x"], ranked["b"].Shared.Select(n => n.Id));
        Assert.Equal(["t"], ranked["c"].Shared.Select(n => n.Id));
    }
}
