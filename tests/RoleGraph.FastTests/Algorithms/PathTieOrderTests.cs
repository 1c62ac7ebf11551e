using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;
using RoleGraph.Core.Queries;

namespace RoleGraph.Tests.Algorithms;

/// <summary>
/// Paths that tie on score and pass the same nodes, differing only in the links they take: relevance order must
/// fall back to the id order, step by step by relation, then outgoing before incoming (issue 18: a ranking that
/// ignored the direction, or compared directions before relations, went unnoticed).
/// </summary>
public sealed class PathTieOrderTests
{
    /// <summary>
    /// Categories only (no roles: every score is 0, all paths tie). s and m, and m and t, are each joined four ways:
    /// SUBCATEGORY_OF and IN_CATEGORY (not a pair the schema allows; the order must still be defined), each way round.
    /// </summary>
    private static GraphSnapshot DoublyLinked() => TestGraph.Create()
        .Category("s").Category("m").Category("t")
        .Link("m", "s", RelationKind.SubcategoryOf).Link("s", "m", RelationKind.SubcategoryOf)
        .Link("m", "s", RelationKind.InCategory).Link("s", "m", RelationKind.InCategory)
        .Link("t", "m", RelationKind.SubcategoryOf).Link("m", "t", RelationKind.SubcategoryOf)
        .Link("t", "m", RelationKind.InCategory).Link("m", "t", RelationKind.InCategory)
        .Build();

    private static string Steps(GraphPath path) =>
        string.Join(", ", path.Steps.Select(s => $"{s.Relation} {(s.Forward ? "forward" : "backward")}"));

    /// <summary>Each step's four choices in id order: IN_CATEGORY before SUBCATEGORY_OF (enum order), forward first.</summary>
    private static readonly string[] StepOrder =
        ["InCategory forward", "InCategory backward", "SubcategoryOf forward", "SubcategoryOf backward"];

    [Theory]
    [InlineData(PathOrder.Relevance)]
    [InlineData(PathOrder.Id)]
    public void Tied_paths_through_the_same_nodes_come_by_relation_then_forward_first(PathOrder order)
    {
        var graph = DoublyLinked();
        var expected = StepOrder.SelectMany(first => StepOrder.Select(second => $"{first}, {second}")).ToArray();

        var paths = ShortestPaths.Find(graph, graph.IndexOf("s"), graph.IndexOf("t"), maxHops: 3, via: null, first: 20, order);

        Assert.All(paths, p => Assert.Equal(["s", "m", "t"], p.Nodes.Select(n => n.Id)));
        Assert.All(paths, p => Assert.Equal(0, p.Score));
        Assert.Equal(expected, paths.Select(Steps));
    }

    [Fact]
    public void The_first_of_the_tied_paths_are_the_first_in_id_order()
    {
        var graph = DoublyLinked();

        var paths = ShortestPaths.Find(graph, graph.IndexOf("s"), graph.IndexOf("t"), maxHops: 3, via: null, first: 3, PathOrder.Relevance);

        Assert.Equal(
            ["InCategory forward, InCategory forward", "InCategory forward, InCategory backward", "InCategory forward, SubcategoryOf forward"],
            paths.Select(Steps));
    }
}
