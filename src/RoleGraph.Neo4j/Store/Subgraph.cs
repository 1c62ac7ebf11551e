using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Neo4j.Store;

/// <summary>
/// The part of the graph an operation needs, read from Neo4j and indexed like the embedded store's whole graph, so
/// both stores answer through the same algorithm code: the same results in the same order, by construction.
/// A full node always wins over a placeholder for the same id; a link is kept once.
/// </summary>
internal sealed class Subgraph
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<LinkKey, GraphLink> _links = [];

    public IReadOnlyCollection<GraphNode> Nodes => _nodes.Values;

    public IReadOnlyCollection<GraphLink> Links => _links.Values;

    public bool Contains(string id) => _nodes.ContainsKey(id);

    public void AddNode(GraphNode node) => _nodes[node.Id] = node;

    public void AddPlaceholder(string id, NodeKind kind) => _nodes.TryAdd(id, StoredNode.Placeholder(id, kind));

    /// <summary>A far end a filter compares by id and name only; a whole node of that id wins.</summary>
    public void AddFarEnd(string id, NodeKind kind, string name) => _nodes.TryAdd(id, new GraphNode(id, kind, name, null, [], GraphNode.NoProperties));

    /// <summary>Adds the link unless one with its key is there; true when added.</summary>
    public bool AddLink(GraphLink link) => _links.TryAdd(LinkKey.Of(link), link);

    public GraphSnapshot ToSnapshot(WholeGraphCounts? wholeGraph = null) => GraphSnapshot.Build(_nodes.Values, _links.Values, wholeGraph);
}
