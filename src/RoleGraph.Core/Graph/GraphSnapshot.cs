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
    private readonly Dictionary<string, int> _indexById;
    private readonly GraphLink[] _links;
    private readonly int[] _adjacencyStart;
    private readonly Adjacent[] _adjacency;
    private readonly string[] _lowerIds;
    private readonly string[] _lowerNames;
    private readonly string[][] _lowerAliases;
    private readonly int[] _nameRank;
    private readonly int[][] _byKind;
    private readonly double[] _roleWeightTotals;
    private readonly int[] _rolesHolding;

    private GraphSnapshot(GraphNode[] nodes, GraphLink[] links)
    {
        _nodes = nodes;
        _links = links;

        // Plain loops and arrays: this runs on every start and every write, over the whole graph.
        var count = nodes.Length;
        _indexById = new Dictionary<string, int>(count, StringComparer.Ordinal);
        _lowerIds = new string[count];
        _lowerNames = new string[count];
        _lowerAliases = new string[count][];
        var kindCounts = new int[KindCount];
        for (var i = 0; i < count; i++)
        {
            var node = nodes[i];
            _indexById.Add(node.Id, i);
            _lowerIds[i] = node.Id.ToLowerInvariant(); // ids are slugs: the same string, no copy
            _lowerNames[i] = node.Name.ToLowerInvariant();
            _lowerAliases[i] = LowerAll(node.Aliases);
            kindCounts[(int)node.Kind]++;
        }

        // Equal names share a rank so that a descending name order can still break ties by ascending id.
        var byName = new int[count];
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            byName[i] = i;
            names[i] = _lowerNames[i];
        }

        Array.Sort(names, byName, StringComparer.Ordinal);
        _nameRank = new int[count];
        for (var r = 0; r < count; r++)
        {
            var same = r > 0 && string.Equals(names[r], names[r - 1], StringComparison.Ordinal);
            _nameRank[byName[r]] = same ? _nameRank[byName[r - 1]] : r;
        }

        _byKind = new int[KindCount][];
        for (var k = 0; k < KindCount; k++)
        {
            _byKind[k] = new int[kindCounts[k]];
            kindCounts[k] = 0;
        }

        for (var i = 0; i < count; i++)
        {
            var kind = (int)nodes[i].Kind;
            _byKind[kind][kindCounts[kind]++] = i;
        }

        (_adjacencyStart, _adjacency, _roleWeightTotals, _rolesHolding) = BuildAdjacency(nodes, links, _indexById);
    }

    private const int KindCount = (int)NodeKind.Category + 1; // a constant: Empty is built before any static field after it is set

    private static string[] LowerAll(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var lowered = new string[texts.Count];
        for (var i = 0; i < lowered.Length; i++)
        {
            lowered[i] = texts[i].ToLowerInvariant();
        }

        return lowered;
    }

    public int NodeCount => _nodes.Length;

    public int LinkCount => _links.Length;

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    public IReadOnlyList<GraphLink> Links => _links;

    public GraphNode this[int index] => _nodes[index];

    /// <summary>Builds a snapshot. The caller has validated the input (unique ids, known endpoints, allowed kinds).</summary>
    /// <param name="wholeGraph">For a part of a larger graph, the counts only the whole graph knows; null for a whole graph.</param>
    public static GraphSnapshot Build(IEnumerable<GraphNode> nodes, IEnumerable<GraphLink> links, WholeGraphCounts? wholeGraph = null)
    {
        var sorted = nodes.ToArray();
        if (!IsSortedById(sorted))
        {
            sorted = sorted.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        }

        return new GraphSnapshot(sorted, links.ToArray()) { WholeGraph = wholeGraph };
    }

    /// <summary>Set where this snapshot is a part of a larger graph (<see cref="Build"/>).</summary>
    public WholeGraphCounts? WholeGraph { get; private init; }



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

    /// <summary>
    /// How many roles hold the node (link to it with REQUIRES, USES or RESPONSIBLE_FOR): how common an item is, which
    /// path relevance and similarity weigh against. Counted once per snapshot, so asking costs nothing.
    /// </summary>
    public int RolesHolding(int index) => _rolesHolding[index];

    /// <summary>The lower-cased names and aliases of all nodes in one buffer, for search; made on first use.</summary>
    internal SearchText SearchText
    {
        get
        {
            var text = Volatile.Read(ref _searchText);
            if (text is null)
            {
                text = SearchText.Build(this);
                Volatile.Write(ref _searchText, text);
            }

            return text;
        }
    }

    /// <summary>The nodes of one kind ordered by name, then id (<see cref="CompareByName"/>); made on first use.</summary>
    internal int[] OfKindByName(NodeKind kind)
    {
        var byName = Volatile.Read(ref _byKindByName[(int)kind]);
        if (byName is null)
        {
            byName = _byKind[(int)kind].ToArray();
            Array.Sort(byName, CompareByName);
            Volatile.Write(ref _byKindByName[(int)kind], byName);
        }

        return byName;
    }

    private SearchText? _searchText;
    private readonly int[]?[] _byKindByName = new int[]?[KindCount];

    /// <summary>Orders by name, then id: the order every list of the API uses unless asked otherwise.</summary>
    public int CompareByName(int a, int b)
    {
        var byName = _nameRank[a].CompareTo(_nameRank[b]);
        return byName != 0 ? byName : a.CompareTo(b);
    }

    private static bool IsSortedById(GraphNode[] nodes)
    {
        for (var i = 1; i < nodes.Length; i++)
        {
            if (string.CompareOrdinal(nodes[i - 1].Id, nodes[i].Id) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static (int[] Start, Adjacent[] Entries, double[] RoleWeightTotals, int[] RolesHolding) BuildAdjacency(GraphNode[] nodes, GraphLink[] links, Dictionary<string, int> indexById)
    {
        var nodeCount = nodes.Length;
        var degree = new int[nodeCount + 1];
        var endpoints = new (int From, int To)[links.Length];
        var roleWeightTotals = new double[nodeCount];
        var rolesHolding = new int[nodeCount];
        string? lastFromId = null;
        var lastFrom = -1;
        for (var l = 0; l < links.Length; l++)
        {
            var link = links[l];
            // Links usually come grouped by source (data files, imports): look a source up once per group.
            var from = ReferenceEquals(link.FromId, lastFromId) ? lastFrom : indexById[link.FromId];
            (lastFromId, lastFrom) = (link.FromId, from);
            var to = indexById[link.ToId];
            endpoints[l] = (from, to);
            degree[from]++;
            degree[to]++;
            if (link.Relation is RelationKind.Requires or RelationKind.Uses)
            {
                roleWeightTotals[from] += link.Weight;
            }

            // A link's key is unique and each holding relation reaches its own kind, so a role holds a node once.
            if (link.Relation is RelationKind.Requires or RelationKind.Uses or RelationKind.ResponsibleFor && nodes[from].Kind == NodeKind.Role)
            {
                rolesHolding[to]++;
            }
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
            entries.AsSpan(start[i], start[i + 1] - start[i]).Sort(default(AdjacencyOrder));
        }

        return (start, entries, roleWeightTotals, rolesHolding);
    }

    /// <summary>By neighbour, relation, then outgoing before incoming; a struct comparer, so the sort inlines it.</summary>
    private readonly struct AdjacencyOrder : IComparer<Adjacent>
    {
        public int Compare(Adjacent x, Adjacent y)
        {
            var c = x.Node.CompareTo(y.Node);
            if (c != 0)
            {
                return c;
            }

            c = x.Relation.CompareTo(y.Relation);
            return c != 0 ? c : y.Outgoing.CompareTo(x.Outgoing);
        }
    }
}
