using System.Collections.Frozen;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Graph;

/// <summary>
/// An immutable, indexed view of the whole graph, built once per write and shared by every reader without locks.
/// Nodes are numbered in ordinal id order, so "sorted by id" is "sorted by index" and every traversal that walks
/// adjacency in index order is deterministic. Adjacency is one flat array (CSR layout): a node's neighbours are
/// a contiguous span, sorted by neighbour, relation and direction.
/// </summary>
public sealed class GraphSnapshot
{
    public static readonly GraphSnapshot Empty = Build([], []);

    private readonly GraphNode[] _nodes;
    private readonly FrozenDictionary<string, int> _indexById;
    private readonly GraphLink[] _links;
    private readonly int[] _adjacencyStart;
    private readonly Adjacent[] _adjacency;
    private readonly string[] _lowerIds;
    private readonly string[] _lowerNames;
    private readonly string[][] _lowerAliases;
    private readonly int[] _nameRank;
    private readonly int[][] _byKind;
    private readonly double[] _roleWeightTotals;

    private GraphSnapshot(GraphNode[] nodes, GraphLink[] links)
    {
        _nodes = nodes;
        _links = links;
        _indexById = nodes.Select((n, i) => KeyValuePair.Create(n.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _lowerIds = nodes.Select(n => n.Id.ToLowerInvariant()).ToArray();
        _lowerNames = nodes.Select(n => n.Name.ToLowerInvariant()).ToArray();
        _lowerAliases = nodes.Select(n => n.Aliases.Select(a => a.ToLowerInvariant()).ToArray()).ToArray();

        // Equal names share a rank so that a descending name order can still break ties by ascending id.
        var byName = Enumerable.Range(0, nodes.Length).OrderBy(i => _lowerNames[i], StringComparer.Ordinal).ToArray();
        _nameRank = new int[nodes.Length];
        for (var r = 0; r < byName.Length; r++)
        {
            var same = r > 0 && string.Equals(_lowerNames[byName[r]], _lowerNames[byName[r - 1]], StringComparison.Ordinal);
            _nameRank[byName[r]] = same ? _nameRank[byName[r - 1]] : r;
        }

        _byKind = Enum.GetValues<NodeKind>()
            .Select(kind => Enumerable.Range(0, nodes.Length).Where(i => nodes[i].Kind == kind).ToArray())
            .ToArray();

        (_adjacencyStart, _adjacency) = BuildAdjacency(nodes.Length, links, _indexById);

        _roleWeightTotals = new double[nodes.Length];
        foreach (var link in links)
        {
            if (link.Relation is RelationKind.Requires or RelationKind.Uses)
            {
                _roleWeightTotals[_indexById[link.FromId]] += link.Weight;
            }
        }
    }

    public int NodeCount => _nodes.Length;

    public int LinkCount => _links.Length;

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    public IReadOnlyList<GraphLink> Links => _links;

    public GraphNode this[int index] => _nodes[index];

    /// <summary>Builds a snapshot. The caller has validated the input (unique ids, known endpoints, allowed kinds).</summary>
    public static GraphSnapshot Build(IEnumerable<GraphNode> nodes, IEnumerable<GraphLink> links)
    {
        var sorted = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        return new GraphSnapshot(sorted, links.ToArray());
    }

    public bool TryGetIndex(string id, out int index) => _indexById.TryGetValue(id, out index);

    public GraphNode? Find(string id) => _indexById.TryGetValue(id, out var i) ? _nodes[i] : null;

    public ReadOnlySpan<Adjacent> Neighbors(int index) =>
        _adjacency.AsSpan(_adjacencyStart[index], _adjacencyStart[index + 1] - _adjacencyStart[index]);

    public GraphLink Link(int linkIndex) => _links[linkIndex];

    /// <summary>The nodes of one kind, in id order.</summary>
    public ReadOnlySpan<int> OfKind(NodeKind kind) => _byKind[(int)kind];

    public string LowerId(int index) => _lowerIds[index];

    public string LowerName(int index) => _lowerNames[index];

    public IReadOnlyList<string> LowerAliases(int index) => _lowerAliases[index];

    /// <summary>Position of the node's lower-cased name among all names; equal names share a rank.</summary>
    public int NameRank(int index) => _nameRank[index];

    /// <summary>The summed weight of a role's skill and tool links (the denominator side of weighted Jaccard).</summary>
    public double RoleWeightTotal(int index) => _roleWeightTotals[index];

    /// <summary>Orders by name, then id: the order every list of the API uses unless asked otherwise.</summary>
    public int CompareByName(int a, int b)
    {
        var byName = _nameRank[a].CompareTo(_nameRank[b]);
        return byName != 0 ? byName : a.CompareTo(b);
    }

    private static (int[] Start, Adjacent[] Entries) BuildAdjacency(int nodeCount, GraphLink[] links, FrozenDictionary<string, int> indexById)
    {
        var degree = new int[nodeCount + 1];
        var endpoints = new (int From, int To)[links.Length];
        for (var l = 0; l < links.Length; l++)
        {
            var from = indexById[links[l].FromId];
            var to = indexById[links[l].ToId];
            endpoints[l] = (from, to);
            degree[from]++;
            degree[to]++;
        }

        var start = new int[nodeCount + 1];
        for (var i = 0; i < nodeCount; i++)
        {
            start[i + 1] = start[i] + degree[i];
        }

        var fill = start[..nodeCount];
        var entries = new Adjacent[start[nodeCount]];
        for (var l = 0; l < links.Length; l++)
        {
            var (from, to) = endpoints[l];
            entries[fill[from]++] = new Adjacent(to, links[l].Relation, Outgoing: true, l);
            entries[fill[to]++] = new Adjacent(from, links[l].Relation, Outgoing: false, l);
        }

        for (var i = 0; i < nodeCount; i++)
        {
            entries.AsSpan(start[i], start[i + 1] - start[i]).Sort(static (x, y) =>
            {
                var c = x.Node.CompareTo(y.Node);
                if (c != 0)
                {
                    return c;
                }

                c = x.Relation.CompareTo(y.Relation);
                return c != 0 ? c : y.Outgoing.CompareTo(x.Outgoing);
            });
        }

        return (start, entries);
    }
}
