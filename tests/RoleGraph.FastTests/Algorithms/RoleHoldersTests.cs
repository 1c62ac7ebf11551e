using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// Role counts and specificity, spec(n) = ln((R + 1) / (r + 1)) / ln(R + 1), worked out by hand: counted in a whole
/// snapshot, taken from the whole graph's counts a part carries (what the Neo4j store hands path relevance), and
/// clamped where a caller's counts are out of range.
/// </summary>
public sealed class RoleHoldersTests
{
    [Fact]
    public void A_whole_snapshot_counts_its_own_roles_and_holders()
    {
        // R = 3; x held by a and b, z by all three, y by none.
        var graph = TestGraph.Create()
            .Nodes(NodeKind.Role, "a", "b", "c")
            .Skill("x").Skill("y").Tool("z")
            .Requires("a", "x").Requires("b", "x")
            .Uses("a", "z").Uses("b", "z").Uses("c", "z")
            .Build();

        var holders = RoleHolders.Of(graph);

        Assert.Equal(3, holders.RoleCount);
        Assert.Equal(2, holders.Holding(graph.IndexOf("x")));
        Assert.Equal(0.207518749639, holders.Specificity(graph.IndexOf("x")), 12); // ln(4/3) / ln 4
        Assert.Equal(1, holders.Specificity(graph.IndexOf("y")));
        Assert.Equal(0, holders.Specificity(graph.IndexOf("z")), 12);
    }

    [Fact]
    public void A_part_of_the_graph_uses_the_whole_graphs_counts()
    {
        // The part holds one role requiring x; the whole graph has 10 roles, 4 of them holding x.
        GraphNode[] nodes =
        [
            new("a", NodeKind.Role, "a", null, [], GraphNode.NoProperties),
            new("x", NodeKind.Skill, "x", null, [], GraphNode.NoProperties),
            new("y", NodeKind.Skill, "y", null, [], GraphNode.NoProperties),
        ];
        var part = GraphSnapshot.Build(nodes, [new GraphLink("a", "x", RelationKind.Requires)], new WholeGraphCounts(10, new Dictionary<string, int> { ["x"] = 4 }));

        var holders = RoleHolders.Of(part);

        Assert.Equal(10, holders.RoleCount);
        Assert.Equal(4, holders.Holding(part.IndexOf("x")));
        Assert.Equal(0, holders.Holding(part.IndexOf("y")));
        Assert.Equal(0.328812258529, holders.Specificity(part.IndexOf("x")), 12); // ln(11/5) / ln 11
    }

    [Fact]
    public void Counts_out_of_range_are_clamped()
    {
        var tooMany = new RoleHolders(3, _ => 7);
        var negative = new RoleHolders(3, _ => -2);
        var noRoles = new RoleHolders(-5, _ => 1);

        Assert.Equal(3, tooMany.Holding(0));
        Assert.Equal(0, tooMany.Specificity(0), 12);
        Assert.Equal(0, negative.Holding(0));
        Assert.Equal(1, negative.Specificity(0), 12);
        Assert.Equal(0, noRoles.RoleCount);
        Assert.Equal(0, noRoles.Specificity(0));
    }
}
