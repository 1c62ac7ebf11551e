using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Tests.Graph;

/// <summary>
/// What snapshots promise about cost, which answers cannot show: a derived snapshot exists so that a write costs the
/// size of the change, not of the graph, and what a snapshot makes on first use it keeps, so asking again is free.
/// Measured as bytes allocated on the test's thread.
/// </summary>
public sealed class SnapshotAllocationTests
{
    private const int Nodes = 8192;
    private static readonly NodeKind[] Kinds = Enum.GetValues<NodeKind>(); // asking allocates: once, outside the measure

    private static GraphNode Node(string id, NodeKind kind) => new(id, kind, id, null, [], GraphNode.NoProperties);

    [Fact]
    public void A_small_write_to_a_large_graph_allocates_less_than_an_int_per_node()
    {
        var nodes = Enumerable.Range(0, Nodes).Select(i => Node($"s-{i:D5}", NodeKind.Skill)).ToList();
        var graph = GraphSnapshot.Build(nodes, []);
        var created = new GraphChangeSet([Node("a-new", NodeKind.Skill)], [], [], []);
        _ = GraphSnapshot.Build(nodes.Take(3), []).Apply(created); // first use of the code paths, out of the measure

        var before = GC.GetAllocatedBytesForCurrentThread();
        var derived = graph.Apply(created);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Nodes + 1, derived.NodeCount);
        Assert.True(allocated < Nodes * sizeof(int), $"one created node allocated {allocated} bytes on a graph of {Nodes} nodes");
    }

    [Fact]
    public void A_derived_snapshot_answers_a_second_read_without_allocating()
    {
        GraphNode[] nodes = [Node("r", NodeKind.Role), Node("s", NodeKind.Skill), Node("t", NodeKind.Skill)];
        GraphLink[] links = [new("r", "s", RelationKind.Requires, 0.5)];
        var graph = GraphSnapshot.Build(nodes, links)
            .Apply(new GraphChangeSet([Node("a", NodeKind.Skill)], [], [new GraphLink("r", "a", RelationKind.Requires, 0.2)], []));
        ReadAll(graph); // the first read makes what the snapshot keeps

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = ReadAll(graph);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(read > 0);
    }

    /// <summary>Every read a snapshot keeps; the sum only makes sure each is used.</summary>
    private static int ReadAll(GraphSnapshot graph)
    {
        var sum = graph.SearchText.Text.Length + graph.Nodes.Count + graph.Links.Count;
        foreach (var kind in Kinds)
        {
            sum += graph.OfKind(kind).Length + graph.OfKindByName(kind).Length;
        }

        for (var i = 0; i < graph.NodeCount; i++)
        {
            sum += graph.Neighbors(i).Length;
        }

        return sum;
    }
}
