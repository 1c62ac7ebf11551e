using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// The planner's change set and resulting graph for edits the store contract reaches only through one store's way of
/// applying them: a replace that re-kinds an id, a replace that turns a symmetric link round, a cascade planned against
/// lists. Stores journal and write the change set, so it must hold every change; expected values are written by hand.
/// </summary>
public sealed class GraphEditPlannerChangeSetTests
{
    private static GraphNode Node(string id, NodeKind kind, string? name = null) => new(id, kind, name ?? id, null, [], GraphNode.NoProperties);

    private static string Show(IEnumerable<GraphNode> nodes) => string.Join(", ", nodes.Select(n => $"{n.Id}:{n.Kind}:{n.Name}"));

    private static string Show(IEnumerable<GraphLink> links) => string.Join(", ", links.Select(l => LinkKey.Of(l).ToString()));

    [Fact]
    public void Planning_against_a_snapshot_names_a_missing_argument()
    {
        var edit = new GraphEdit { DeleteNodes = ["x"] };

        Assert.Equal("current", Assert.Throws<ArgumentNullException>(() => GraphEditPlanner.Plan((GraphSnapshot)null!, edit)).ParamName);
        Assert.Equal("edit", Assert.Throws<ArgumentNullException>(() => GraphEditPlanner.Plan(GraphSnapshot.Empty, null!)).ParamName);
    }

    [Fact]
    public void A_replace_that_re_kinds_an_id_writes_the_new_node()
    {
        // x was a Skill that a requires; the replacing graph makes x a Tool that a uses.
        GraphNode[] nodes = [Node("a", NodeKind.Role), Node("x", NodeKind.Skill)];
        GraphLink[] links = [new("a", "x", RelationKind.Requires, 0.5)];
        var edit = new GraphEdit
        {
            ReplaceAll = true,
            UpsertNodes = [Node("a", NodeKind.Role), Node("x", NodeKind.Tool, "X tool")],
            UpsertLinks = [new("a", "x", RelationKind.Uses)],
        };

        var plan = GraphEditPlanner.Plan(nodes, links, edit);

        Assert.Equal("x:Tool:X tool", Show(plan.Changes.WriteNodes));
        Assert.Empty(plan.Changes.DeleteNodes);
        Assert.Equal(new ChangeCounts(0, 1, 1, 0), plan.NodeCounts);
        Assert.Equal("a -USES-> x", Show(plan.Changes.WriteLinks));
        Assert.Equal(["a -REQUIRES-> x"], plan.Changes.DeleteLinks.Select(k => k.ToString()));
        Assert.Equal(new ChangeCounts(1, 0, 0, 1), plan.LinkCounts);

        // The change set applied to the old graph gives the same graph as the plan's lists.
        var applied = GraphSnapshot.Build(nodes, links).Apply(plan.Changes);
        Assert.Equal("a:Role:a, x:Tool:X tool", Show(applied.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal)));
        Assert.Equal("a -USES-> x", Show(applied.Links));
        Assert.Equal("a:Role:a, x:Tool:X tool", Show(plan.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal)));
    }

    [Fact]
    public void A_replace_may_turn_a_stored_symmetric_link_round_but_a_merge_may_not()
    {
        // p -RELATED_TO-> q is stored; the new graph says q -RELATED_TO-> p and does not repeat p -> q.
        GraphNode[] nodes = [Node("p", NodeKind.Skill), Node("q", NodeKind.Skill)];
        GraphLink[] links = [new("p", "q", RelationKind.RelatedTo)];
        GraphLink turned = new("q", "p", RelationKind.RelatedTo);

        var plan = GraphEditPlanner.Plan(nodes, links, new GraphEdit { ReplaceAll = true, UpsertNodes = nodes, UpsertLinks = [turned] });

        Assert.Equal("q -RELATED_TO-> p", Show(plan.Links));
        Assert.Equal("q -RELATED_TO-> p", Show(plan.Changes.WriteLinks));
        Assert.Equal(["p -RELATED_TO-> q"], plan.Changes.DeleteLinks.Select(k => k.ToString()));
        Assert.Equal(new ChangeCounts(1, 0, 0, 1), plan.LinkCounts);
        Assert.Equal(new ChangeCounts(0, 0, 2, 0), plan.NodeCounts);

        // Merged instead, the stored link already says it.
        var error = Assert.Throws<GraphEditException>(() => GraphEditPlanner.Plan(nodes, links, new GraphEdit { UpsertLinks = [turned] }));
        Assert.Equal(
            [new GraphEditProblem(GraphEditProblem.BadInput, "links[0]", "RELATED_TO is symmetric: the link p -> q already says this.")],
            error.Problems);
    }

    [Fact]
    public void A_cascade_planned_against_lists_leaves_no_dangling_link_in_the_graph()
    {
        GraphNode[] nodes = [Node("a", NodeKind.Role), Node("x", NodeKind.Skill), Node("y", NodeKind.Skill)];
        GraphLink[] links = [new("a", "x", RelationKind.Requires), new("a", "y", RelationKind.Requires)];

        var plan = GraphEditPlanner.Plan(nodes, links, new GraphEdit { DeleteNodes = ["x"], Cascade = true });

        Assert.Equal("a:Role:a, y:Skill:y", Show(plan.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal)));
        Assert.Equal("a -REQUIRES-> y", Show(plan.Links));
        Assert.Equal(["x"], plan.Changes.DeleteNodes);
        Assert.Equal(["a -REQUIRES-> x"], plan.Changes.DeleteLinks.Select(k => k.ToString()));
        Assert.Equal(new ChangeCounts(0, 0, 0, 1), plan.NodeCounts);
        Assert.Equal(new ChangeCounts(0, 0, 0, 1), plan.LinkCounts);
    }
}
