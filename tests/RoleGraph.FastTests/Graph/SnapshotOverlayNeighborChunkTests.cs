using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// A derived snapshot whose indices moved translates each node's neighbours once and keeps them in chunks of 512
/// nodes. The random edit sequences use graphs of a few dozen nodes, all in the first chunk; this graph spans three
/// chunks, so a translation kept in the wrong chunk or slot answers for the wrong node. The reference is a snapshot
/// built whole from the same nodes and links.
/// </summary>
public sealed class SnapshotOverlayNeighborChunkTests
{
    private const int Pairs = 600;

    private static GraphNode Node(string id, NodeKind kind) => new(id, kind, id, null, [], GraphNode.NoProperties);

    [Fact]
    public void Neighbours_of_nodes_in_every_chunk_are_their_own_after_indices_shift()
    {
        // Role i requires skill i: every node has one neighbour, and no two nodes the same one.
        var nodes = new List<GraphNode>();
        var links = new List<GraphLink>();
        for (var i = 0; i < Pairs; i++)
        {
            nodes.Add(Node($"r-{i:D4}", NodeKind.Role));
            nodes.Add(Node($"s-{i:D4}", NodeKind.Skill));
            links.Add(new GraphLink($"r-{i:D4}", $"s-{i:D4}", RelationKind.Requires, 0.5));
        }

        // A created node sorting first moves every index by one.
        var created = Node("a-new", NodeKind.Category);
        var derived = GraphSnapshot.Build(nodes, links).Apply(new GraphChangeSet([created], [], [], []));
        var whole = GraphSnapshot.Build([.. nodes, created], links);

        Assert.Equal(2 * Pairs + 1, derived.NodeCount);

        // Ascending, then descending: the second pass reads what the first kept.
        var order = Enumerable.Range(0, whole.NodeCount).ToList();
        foreach (var i in order.Concat(Enumerable.Reverse(order)))
        {
            Assert.Equal(Describe(whole, i), Describe(derived, i));
        }

        // By hand, one node in the second chunk: a-new is 0, so r-0599 is 600 and s-0599 is 1 + 600 + 599.
        Assert.Equal("r-0599", derived[600].Id);
        Assert.Equal("1200:Requires:True:r-0599 -REQUIRES-> s-0599", Describe(derived, 600));
    }

    private static string Describe(GraphSnapshot graph, int index) =>
        string.Join(" ", graph.Neighbors(index).ToArray().Select(a => $"{a.Node}:{a.Relation}:{a.Outgoing}:{LinkKey.Of(graph.Link(a.Link))}"));
}
