using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Graph;

/// <summary>
/// An immutable, indexed view of the whole graph, shared by every reader without locks.
/// Nodes are numbered in ordinal id order, so "sorted by id" is "sorted by index" and every traversal that walks
/// adjacency in index order is deterministic. Adjacency is one flat array (CSR layout): a node's neighbours are
/// a contiguous span, sorted by neighbour, relation and direction.
/// </summary>
/// <remarks>
/// A snapshot is either built whole (<see cref="Build"/>: the arrays below) or derived from one by a write
/// (<see cref="Apply"/>): then it is that whole snapshot, its root, plus a <see cref="SnapshotOverlay"/> holding
/// what the writes since the root changed, so a write costs the size of the change instead of the size of the graph.
/// A new node shifts the index of every node after it, so an overlay translates root indices on the way out; what a
/// reader asks of a derived snapshot is exactly what a whole build of the same graph answers (the property tests
/// compare the two on random edit sequences).
/// </remarks>
public sealed class GraphSnapshot
{
    public static readonly GraphSnapshot Empty = Build([], []);

    private readonly GraphNode[] _nodes = [];
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly GraphLink[] _links = [];
    private readonly int[] _adjacencyStart = [0];
    private readonly Adjacent[] _adjacency = [];
    private readonly string[] _lowerNames = [];
    private readonly string[][] _lowerAliases = [];
    private readonly string[] _sortedNames = [];
    private readonly int[] _nameRank = [];
    private readonly int[][] _byKind = [];
    private readonly double[] _roleWeightTotals = [];
    private readonly int[] _rolesHolding = [];

    /// <summary>Set on a snapshot derived by <see cref="Apply"/>: what changed since its root.</summary>
    private readonly SnapshotOverlay? _overlay;

    private GraphSnapshot(SnapshotOverlay overlay) => _overlay = overlay;

    private GraphSnapshot(GraphNode[] nodes, GraphLink[] links, bool sideBySide)
    {
        _nodes = nodes;
        _links = links;

        // Plain loops and arrays: this runs on every start and on every rebuild, over the whole graph. The text half
        // (lowered names and aliases, the name order) and the structure half (ids, kinds, adjacency, totals) read only
        // the nodes and links: on a large graph they run side by side, since the start waits for this build and the
        // host has finished with the other core by then (O*NET: ~170 ms on one core).
        NameIndex? text = null;
        Structure? structure = null;
        if (sideBySide)
        {
            Parallel.Invoke(() => text = NameIndex.Of(nodes), () => structure = Structure.Of(nodes, links));
        }
        else
        {
            (text, structure) = (NameIndex.Of(nodes), Structure.Of(nodes, links));
        }

        (_lowerNames, _lowerAliases, _sortedNames, _nameRank) = (text!.LowerNames, text.LowerAliases, text.SortedNames, text.NameRank);
        (_indexById, _byKind, _adjacencyStart, _adjacency) = (structure!.IndexById, structure.ByKind, structure.AdjacencyStart, structure.Adjacency);
        (_roleWeightTotals, _rolesHolding) = (structure.RoleWeightTotals, structure.RolesHolding);
    }

    /// <summary>Below this many nodes a build is quick enough that handing half of it to another thread costs more than it saves.</summary>
    internal const int SideBySideFrom = 10_000;

    /// <summary>The snapshot's text indexes: lowered names and aliases, names in order (kept: a derived snapshot ranks a new name by where it falls among them) and each node's rank in that order.</summary>
    private sealed record NameIndex(string[] LowerNames, string[][] LowerAliases, string[] SortedNames, int[] NameRank)
    {
        public static NameIndex Of(GraphNode[] nodes)
        {
            var count = nodes.Length;
            var lowerNames = new string[count];
            var lowerAliases = new string[count][];
            var byName = new int[count];
            var names = new string[count];
            for (var i = 0; i < count; i++)
            {
                lowerNames[i] = nodes[i].Name.ToLowerInvariant();
                lowerAliases[i] = LowerAll(nodes[i].Aliases);
                byName[i] = i;
                names[i] = lowerNames[i];
            }

            // Equal names share a rank so that a descending name order can still break ties by ascending id.
            Array.Sort(names, byName, StringComparer.Ordinal);
            var nameRank = new int[count];
            for (var r = 0; r < count; r++)
            {
                var same = r > 0 && string.Equals(names[r], names[r - 1], StringComparison.Ordinal);
                nameRank[byName[r]] = same ? nameRank[byName[r - 1]] : r;
            }

            return new NameIndex(lowerNames, lowerAliases, names, nameRank);
        }
    }

    /// <summary>The snapshot's structure: index by id, nodes by kind, adjacency (CSR) and each node's role totals.</summary>
    private sealed record Structure(Dictionary<string, int> IndexById, int[][] ByKind, int[] AdjacencyStart, Adjacent[] Adjacency, double[] RoleWeightTotals, int[] RolesHolding)
    {
        public static Structure Of(GraphNode[] nodes, GraphLink[] links)
        {
            var count = nodes.Length;
            var indexById = new Dictionary<string, int>(count, StringComparer.Ordinal);
            var kindCounts = new int[KindCount];
            for (var i = 0; i < count; i++)
            {
                indexById.Add(nodes[i].Id, i);
                kindCounts[(int)nodes[i].Kind]++;
            }

            var byKind = new int[KindCount][];
            for (var k = 0; k < KindCount; k++)
            {
                byKind[k] = new int[kindCounts[k]];
                kindCounts[k] = 0;
            }

            for (var i = 0; i < count; i++)
            {
                var kind = (int)nodes[i].Kind;
                byKind[kind][kindCounts[kind]++] = i;
            }

            var (start, adjacency) = BuildAdjacency(nodes, links, indexById);
            var (roleWeightTotals, rolesHolding) = (new double[count], new int[count]);
            Func<int, GraphLink> linkOf = l => links[l];
            Func<int, NodeKind> kindOf = n => nodes[n].Kind;
            for (var i = 0; i < count; i++)
            {
                (roleWeightTotals[i], rolesHolding[i]) = Totals(adjacency.AsSpan(start[i], start[i + 1] - start[i]), linkOf, kindOf);
            }

            return new Structure(indexById, byKind, start, adjacency, roleWeightTotals, rolesHolding);
        }
    }

    internal const int KindCount = (int)NodeKind.Category + 1; // a constant: Empty is built before any static field after it is set

    internal static string[] LowerAll(IReadOnlyList<string> texts)
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

    public int NodeCount => _overlay?.NodeCount ?? _nodes.Length;

    public int LinkCount => _overlay?.LinkCount ?? _links.Length;

    public IReadOnlyList<GraphNode> Nodes => _overlay?.AllNodes ?? _nodes;

    public IReadOnlyList<GraphLink> Links => _overlay?.AllLinks ?? _links;

    public GraphNode this[int index] => _overlay is null ? _nodes[index] : _overlay.Node(index);

    /// <summary>Builds a snapshot. The caller has validated the input (unique ids, known endpoints, allowed kinds).</summary>
    /// <param name="wholeGraph">For a part of a larger graph, the counts only the whole graph knows; null for a whole graph.</param>
    public static GraphSnapshot Build(IEnumerable<GraphNode> nodes, IEnumerable<GraphLink> links, WholeGraphCounts? wholeGraph = null)
    {
        var sorted = nodes.ToArray();
        return BuildWith(sorted, links.ToArray(), sorted.Length >= SideBySideFrom, wholeGraph);
    }

    /// <summary>As <see cref="Build"/>, with the choice of building the two halves side by side made by the caller (the tests compare both ways).</summary>
    internal static GraphSnapshot BuildWith(GraphNode[] nodes, GraphLink[] links, bool sideBySide, WholeGraphCounts? wholeGraph = null)
    {
        if (!IsSortedById(nodes))
        {
            nodes = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        }

        return new GraphSnapshot(nodes, links, sideBySide) { WholeGraph = wholeGraph };
    }

    /// <summary>
    /// The graph after a planned change, derived from this one in time proportional to the change (and to the
    /// changes since this snapshot's root). The change set must be one a planner made against this snapshot, without
    /// re-kinding a node (a replacing import is built whole).
    /// </summary>
    public GraphSnapshot Apply(GraphChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (WholeGraph is not null)
        {
            throw new InvalidOperationException("A part of a larger graph cannot be edited.");
        }

        if (SnapshotOverlay.Derive(Root, _overlay, changes) is { } overlay)
        {
            return new GraphSnapshot(overlay);
        }

        // A node changes kind (only a replacing import does that): build whole, as the journal's replay would apply it.
        var nodes = Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var links = Links.ToDictionary(LinkKey.Of);
        foreach (var key in changes.DeleteLinks)
        {
            links.Remove(key);
        }

        foreach (var id in changes.DeleteNodes)
        {
            nodes.Remove(id);
        }

        foreach (var node in changes.WriteNodes)
        {
            nodes[node.Id] = node;
        }

        foreach (var link in changes.WriteLinks)
        {
            links[LinkKey.Of(link)] = link;
        }

        return Build(nodes.Values, links.Values);
    }

    /// <summary>The same graph built whole: the store does this off the write path once the changes since the last build add up.</summary>
    public GraphSnapshot Rebuild() => _overlay is null ? this : Build(Nodes, Links);

    /// <summary>How many changes this snapshot holds on top of its root (0 for a whole build): the cost a rebuild would save.</summary>
    public int ChangesSinceBuild => _overlay?.Size ?? 0;

    /// <summary>The whole snapshot this one derives from; itself for a whole build.</summary>
    internal GraphSnapshot Root => _overlay?.Root ?? this;

    /// <summary>Set where this snapshot is a part of a larger graph (<see cref="Build"/>).</summary>
    public WholeGraphCounts? WholeGraph { get; private init; }

    public bool TryGetIndex(string id, out int index)
    {
        if (_overlay is null)
        {
            return _indexById.TryGetValue(id, out index);
        }

        return _overlay.TryGetIndex(id, out index);
    }

    public GraphNode? Find(string id) => TryGetIndex(id, out var i) ? this[i] : null;

    /// <summary>The link with the given key, found through its source's adjacency; null where there is none.</summary>
    public GraphLink? FindLink(LinkKey key)
    {
        if (!TryGetIndex(key.FromId, out var from) || !TryGetIndex(key.ToId, out var to))
        {
            return null;
        }

        foreach (var adjacent in Neighbors(from))
        {
            if (adjacent.Node == to && adjacent.Relation == key.Relation && adjacent.Outgoing)
            {
                return Link(adjacent.Link);
            }
        }

        return null;
    }

    public ReadOnlySpan<Adjacent> Neighbors(int index) => _overlay is null
        ? _adjacency.AsSpan(_adjacencyStart[index], _adjacencyStart[index + 1] - _adjacencyStart[index])
        : _overlay.Neighbors(index);

    public GraphLink Link(int linkIndex) => _overlay is null ? _links[linkIndex] : _overlay.Link(linkIndex);

    /// <summary>The nodes of one kind, in id order.</summary>
    public ReadOnlySpan<int> OfKind(NodeKind kind) => _overlay is null ? _byKind[(int)kind] : _overlay.OfKind(kind);

    /// <summary>Ids are slugs (lower-case already), so the lowered id is the id.</summary>
    public string LowerId(int index) => this[index].Id;

    public string LowerName(int index) => _overlay is null ? _lowerNames[index] : _overlay.LowerName(index);

    public IReadOnlyList<string> LowerAliases(int index) => _overlay is null ? _lowerAliases[index] : _overlay.LowerAliases(index);

    /// <summary>Position of the node's lower-cased name among all names; equal names share a rank.</summary>
    public int NameRank(int index) => _overlay is null ? _nameRank[index] : _overlay.NameRank(index);

    /// <summary>The summed weight of a role's skill and tool links (the denominator side of weighted Jaccard).</summary>
    public double RoleWeightTotal(int index) => _overlay is null ? _roleWeightTotals[index] : _overlay.RoleWeightTotal(index);

    /// <summary>
    /// How many roles hold the node (link to it with REQUIRES, USES or RESPONSIBLE_FOR): how common an item is, which
    /// path relevance and similarity weigh against. Counted once per snapshot, so asking costs nothing.
    /// </summary>
    public int RolesHolding(int index) => _overlay is null ? _rolesHolding[index] : _overlay.RolesHolding(index);

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
            if (_overlay is null)
            {
                byName = _byKind[(int)kind].ToArray();
                Array.Sort(byName, CompareByName);
            }
            else
            {
                byName = _overlay.OfKindByName(kind);
            }

            Volatile.Write(ref _byKindByName[(int)kind], byName);
        }

        return byName;
    }

    private SearchText? _searchText;
    private readonly int[]?[] _byKindByName = new int[]?[KindCount];

    /// <summary>Orders by name, then id: the order every list of the API uses unless asked otherwise.</summary>
    public int CompareByName(int a, int b)
    {
        // Ranks order as the lowered names do (equal names, equal ranks), so a derived snapshot compares the names.
        var byName = _overlay is null
            ? _nameRank[a].CompareTo(_nameRank[b])
            : Math.Sign(string.CompareOrdinal(_overlay.LowerName(a), _overlay.LowerName(b)));
        return byName != 0 ? byName : a.CompareTo(b);
    }

    /// <summary>How many names of this (whole) snapshot sort before the lowered name.</summary>
    internal int CountNamesBefore(string lowerName)
    {
        int low = 0, high = _sortedNames.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_sortedNames[middle], lowerName) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>How many nodes of this (whole) snapshot have an id that sorts before the given one.</summary>
    internal int CountIdsBefore(string id)
    {
        int low = 0, high = _nodes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_nodes[middle].Id, id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// A node's summed REQUIRES and USES weight (outgoing, in adjacency order, so that a derived snapshot adds in the
    /// same order as a whole build) and how many roles hold it.
    /// </summary>
    internal static (double WeightTotal, int RolesHolding) Totals(ReadOnlySpan<Adjacent> adjacency, Func<int, GraphLink> linkOf, Func<int, NodeKind> kindOf)
    {
        var total = 0.0;
        var holding = 0;
        foreach (var adjacent in adjacency)
        {
            if (adjacent.Outgoing && adjacent.Relation is RelationKind.Requires or RelationKind.Uses)
            {
                total += linkOf(adjacent.Link).Weight;
            }

            // A link's key is unique and each holding relation reaches its own kind, so a role holds a node once.
            if (!adjacent.Outgoing && adjacent.Relation is RelationKind.Requires or RelationKind.Uses or RelationKind.ResponsibleFor
                && kindOf(adjacent.Node) == NodeKind.Role)
            {
                holding++;
            }
        }

        return (total, holding);
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

    private static (int[] Start, Adjacent[] Entries) BuildAdjacency(GraphNode[] nodes, GraphLink[] links, Dictionary<string, int> indexById)
    {
        var nodeCount = nodes.Length;
        var degree = new int[nodeCount + 1];
        var endpoints = new (int From, int To)[links.Length];
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

        return (start, entries);
    }

    /// <summary>By neighbour, relation, then outgoing before incoming; a struct comparer, so the sort inlines it.</summary>
    internal readonly struct AdjacencyOrder : IComparer<Adjacent>
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
