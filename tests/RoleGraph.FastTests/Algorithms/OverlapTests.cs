using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

public sealed class OverlapTests
{
    private static readonly NodeKind[] AllKinds = [NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility];

    private static OverlapResult Compute(GraphSnapshot graph, string[] roles, NodeKind[]? kinds = null) =>
        Overlap.Compute(graph, graph.IndexesOf(roles), kinds ?? AllKinds);

    private static string[] Ids(IEnumerable<GraphNode> nodes) => nodes.Select(n => n.Id).ToArray();

    /// <summary>
    /// r1: skills a b c, tool t1, responsibility p1. r2: skills a b d e, tools t1 t2, responsibility p2.
    /// Shared: a b t1 (3); union: a b c d e t1 t2 p1 p2 (9).
    /// </summary>
    private static GraphSnapshot TwoRoles() => TestGraph.Create()
        .Role("r1").Role("r2")
        .Nodes(NodeKind.Skill, "a", "b", "c", "d", "e")
        .Nodes(NodeKind.Tool, "t1", "t2")
        .Nodes(NodeKind.Responsibility, "p1", "p2")
        .Requires("r1", "a").Requires("r1", "b", 0.2).Requires("r1", "c").Uses("r1", "t1").ResponsibleFor("r1", "p1")
        .Requires("r2", "a").Requires("r2", "b").Requires("r2", "d").Requires("r2", "e").Uses("r2", "t1").Uses("r2", "t2").ResponsibleFor("r2", "p2")
        .Build();

    [Fact]
    public void Shared_items_are_held_by_every_role_and_per_role_items_by_that_role_alone()
    {
        var result = Compute(TwoRoles(), ["r1", "r2"]);

        Assert.Equal(["a", "b"], Ids(result.Skills));
        Assert.Equal(["t1"], Ids(result.Tools));
        Assert.Empty(result.Responsibilities);

        Assert.Equal(["r1", "r2"], result.PerRole.Select(r => r.Role.Id));
        Assert.Equal(["c"], Ids(result.PerRole[0].Skills));
        Assert.Empty(result.PerRole[0].Tools);
        Assert.Equal(["p1"], Ids(result.PerRole[0].Responsibilities));
        Assert.Equal(["d", "e"], Ids(result.PerRole[1].Skills));
        Assert.Equal(["t2"], Ids(result.PerRole[1].Tools));
        Assert.Equal(["p2"], Ids(result.PerRole[1].Responsibilities));

        Assert.Equal(3.0 / 9.0, result.Jaccard, 12);
    }

    [Fact]
    public void An_item_held_by_some_but_not_all_roles_is_neither_shared_nor_exclusive()
    {
        // a: all three. b: r1 and r2. c: r1 and r3. d: r2 only. t1: all three; t2: r2 only. p1: r1 and r2; p2: r3 only.
        var graph = TestGraph.Create()
            .Role("r1").Role("r2").Role("r3")
            .Nodes(NodeKind.Skill, "a", "b", "c", "d")
            .Nodes(NodeKind.Tool, "t1", "t2")
            .Nodes(NodeKind.Responsibility, "p1", "p2")
            .Requires("r1", "a").Requires("r1", "b").Requires("r1", "c").Uses("r1", "t1").ResponsibleFor("r1", "p1")
            .Requires("r2", "a").Requires("r2", "b").Requires("r2", "d").Uses("r2", "t1").Uses("r2", "t2").ResponsibleFor("r2", "p1")
            .Requires("r3", "a").Requires("r3", "c").Uses("r3", "t1").ResponsibleFor("r3", "p2")
            .Build();

        var result = Compute(graph, ["r1", "r2", "r3"]);

        Assert.Equal(["a"], Ids(result.Skills));
        Assert.Equal(["t1"], Ids(result.Tools));
        Assert.Empty(result.Responsibilities);
        Assert.Equal([[], ["d"], []], result.PerRole.Select(r => Ids(r.Skills)));
        Assert.Equal([[], ["t2"], []], result.PerRole.Select(r => Ids(r.Tools)));
        Assert.Equal([[], [], ["p2"]], result.PerRole.Select(r => Ids(r.Responsibilities)));

        // Shared a t1 (2) over the union a b c d t1 t2 p1 p2 (8).
        Assert.Equal(2.0 / 8.0, result.Jaccard, 12);
    }

    [Fact]
    public void Restricting_kinds_empties_the_other_lists_and_changes_jaccard()
    {
        var skills = Compute(TwoRoles(), ["r1", "r2"], [NodeKind.Skill]);

        Assert.Equal(["a", "b"], Ids(skills.Skills));
        Assert.Empty(skills.Tools);
        Assert.Empty(skills.Responsibilities);
        Assert.All(skills.PerRole, r => Assert.Empty(r.Tools));
        Assert.All(skills.PerRole, r => Assert.Empty(r.Responsibilities));
        Assert.Equal(["c"], Ids(skills.PerRole[0].Skills));
        Assert.Equal(2.0 / 5.0, skills.Jaccard, 12);

        var toolsAndDuties = Compute(TwoRoles(), ["r1", "r2"], [NodeKind.Tool, NodeKind.Responsibility]);

        Assert.Empty(toolsAndDuties.Skills);
        Assert.All(toolsAndDuties.PerRole, r => Assert.Empty(r.Skills));
        Assert.Equal(["t1"], Ids(toolsAndDuties.Tools));
        Assert.Equal(["t2"], Ids(toolsAndDuties.PerRole[1].Tools));
        Assert.Equal(1.0 / 4.0, toolsAndDuties.Jaccard, 12);
    }

    [Fact]
    public void Roles_with_nothing_score_zero()
    {
        var graph = TestGraph.Create().Role("r1").Role("r2").Role("r3").Skill("a").Requires("r3", "a").Build();

        var empty = Compute(graph, ["r1", "r2"]);
        Assert.Equal(0, empty.Jaccard);
        Assert.Empty(empty.Skills);
        Assert.All(empty.PerRole, r => Assert.Empty(r.Skills));

        var oneSided = Compute(graph, ["r1", "r3"]);
        Assert.Equal(0, oneSided.Jaccard);
        Assert.Empty(oneSided.Skills);
        Assert.Equal(["a"], Ids(oneSided.PerRole[1].Skills));
    }

    [Fact]
    public void Identical_roles_score_one()
    {
        var graph = TestGraph.Create()
            .Role("r1").Role("r2").Skill("a").Tool("t")
            .Requires("r1", "a", 0.1).Uses("r1", "t").Requires("r2", "a", 0.9).Uses("r2", "t")
            .Build();

        var result = Compute(graph, ["r1", "r2"]);

        Assert.Equal(1.0, result.Jaccard);
        Assert.All(result.PerRole, r => Assert.Empty(r.Skills));
    }

    [Fact]
    public void Lists_are_ordered_by_name_then_id()
    {
        // Two skills named Python (k2 added before k1), a lower-case "sql" between Python and Tableau.
        var graph = TestGraph.Create()
            .Role("r1").Role("r2")
            .Skill("k0", "Tableau").Skill("k2", "Python").Skill("k3", "sql").Skill("k1", "Python")
            .Skill("x2", "Zeta").Skill("x1", "Zeta").Skill("x0", "Alpha")
            .Requires("r1", "k0").Requires("r1", "k2").Requires("r1", "k3").Requires("r1", "k1")
            .Requires("r2", "k3").Requires("r2", "k1").Requires("r2", "k0").Requires("r2", "k2")
            .Requires("r1", "x2").Requires("r1", "x1").Requires("r1", "x0")
            .Build();

        var result = Compute(graph, ["r1", "r2"]);

        Assert.Equal(["k1", "k2", "k3", "k0"], Ids(result.Skills));
        Assert.Equal(["x0", "x1", "x2"], Ids(result.PerRole[0].Skills));
    }

    [Fact]
    public void Roles_and_per_role_lists_keep_the_order_asked_for()
    {
        var result = Compute(TwoRoles(), ["r2", "r1"]);

        Assert.Equal(["r2", "r1"], result.Roles.Select(r => r.Id));
        Assert.Equal(["r2", "r1"], result.PerRole.Select(r => r.Role.Id));
        Assert.Equal(["d", "e"], Ids(result.PerRole[0].Skills));
    }
}
