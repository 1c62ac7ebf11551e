using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;

namespace RoleGraph.Tests.Algorithms;

public sealed class SkillGapTests
{
    private static SkillGapResult Compute(GraphSnapshot graph, string from, string to) =>
        SkillGap.Compute(graph, graph.IndexOf(from), graph.IndexOf(to));

    private static string[] Ids(IEnumerable<GapItem> items) => items.Select(i => i.Node.Id).ToArray();

    [Fact]
    public void Coverage_is_the_importance_weighted_share_that_carries_over()
    {
        // The target asks for a (0.5), b (no importance: 1) and c (0.8); the source holds a and b.
        var graph = TestGraph.Create()
            .Role("from").Role("to").Skill("a").Skill("b").Skill("c")
            .Requires("from", "a").Requires("from", "b", 0.1)
            .Requires("to", "a", 0.5).Requires("to", "b").Requires("to", "c", 0.8)
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Equal((0.5 + 1) / (0.5 + 1 + 0.8), gap.Coverage, 12);
        Assert.Equal(["c"], Ids(gap.Missing));
        Assert.Equal(["b", "a"], Ids(gap.CarriesOver));
        Assert.Equal("from", gap.From.Id);
        Assert.Equal("to", gap.To.Id);
    }

    [Fact]
    public void Items_carry_the_importance_and_level_the_target_asks_for()
    {
        var graph = TestGraph.Create()
            .Role("from").Role("to").Skill("a").Skill("b")
            .Requires("from", "a", 0.2, 0.1)
            .Requires("to", "a", 0.9, 0.7).Requires("to", "b", level: 0.3)
            .Build();

        var gap = Compute(graph, "from", "to");

        var carried = Assert.Single(gap.CarriesOver);
        Assert.Equal(("a", 0.9, 0.7), (carried.Node.Id, carried.Importance, carried.Level));
        var missing = Assert.Single(gap.Missing);
        Assert.Equal(("b", (double?)null, 0.3), (missing.Node.Id, missing.Importance, missing.Level));
        Assert.Equal(0.9 / 1.9, gap.Coverage, 12);
    }

    [Fact]
    public void Missing_items_come_by_importance_descending_absent_counting_as_one_then_by_name()
    {
        // Skills and tools mix in one list. Names run against ids.
        var graph = TestGraph.Create()
            .Role("from").Role("to")
            .Skill("s1", "Gamma").Skill("s2", "Delta").Skill("s3", "Beta").Skill("s4", "Zed")
            .Tool("t1", "Airflow").Tool("t2", "Alpha")
            .Requires("to", "s1", 0.8).Requires("to", "s2").Requires("to", "s3", 1.0).Requires("to", "s4", 0.3)
            .Uses("to", "t1", 1.0).Uses("to", "t2", 0.8)
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Equal(["t1", "s3", "s2", "t2", "s1", "s4"], Ids(gap.Missing));
        Assert.Equal([1.0, 1.0, null, 0.8, 0.8, 0.3], gap.Missing.Select(i => i.Importance));
        Assert.Empty(gap.CarriesOver);
        Assert.Equal(0, gap.Coverage);
    }

    [Fact]
    public void Tools_count_towards_the_gap_and_coverage()
    {
        var graph = TestGraph.Create()
            .Role("from").Role("to").Skill("s").Tool("t1").Tool("t2")
            .Requires("from", "s").Uses("from", "t1")
            .Requires("to", "s", 0.4).Uses("to", "t1", 0.6).Uses("to", "t2", 0.5)
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Equal(["t2"], Ids(gap.Missing));
        Assert.Equal(["t1", "s"], Ids(gap.CarriesOver));
        Assert.Equal((0.4 + 0.6) / (0.4 + 0.6 + 0.5), gap.Coverage, 12);
    }

    [Fact]
    public void Responsibilities_are_not_part_of_the_gap()
    {
        var graph = TestGraph.Create()
            .Role("from").Role("to").Responsibility("p").Skill("s")
            .Requires("from", "s").Requires("to", "s").ResponsibleFor("to", "p")
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Empty(gap.Missing);
        Assert.Equal(1, gap.Coverage);
    }

    [Fact]
    public void A_target_with_no_skills_or_tools_is_fully_covered()
    {
        var graph = TestGraph.Create()
            .Role("from").Role("to").Skill("s").Responsibility("p")
            .Requires("from", "s").ResponsibleFor("to", "p")
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Equal(1, gap.Coverage);
        Assert.Empty(gap.Missing);
        Assert.Empty(gap.CarriesOver);
    }

    [Fact]
    public void A_source_with_nothing_covers_nothing_and_misses_everything()
    {
        var graph = TestGraph.Create()
            .Role("from").Role("to").Skill("s").Tool("t")
            .Requires("to", "s", 0.5).Uses("to", "t")
            .Build();

        var gap = Compute(graph, "from", "to");

        Assert.Equal(0, gap.Coverage);
        Assert.Equal(["t", "s"], Ids(gap.Missing));
    }
}
