using System.Runtime.InteropServices;
using RoleGraph.Core.Editing;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Graph;

/// <summary>
/// What the writes since a whole-built snapshot (the root) changed, so that a write costs the size of the change:
/// nodes written or deleted, the adjacency of nodes whose links changed, links appended or deleted.
/// </summary>
/// <remarks>
/// Nodes keep a stable number while the root lasts: a root node its root index, a node created since then the next
/// number past the root's. A snapshot's index is the node's rank by id, so a created node shifts every index after
/// it; the overlay keeps the created nodes sorted by id (with where each falls among the root's ids) and the deleted
/// root nodes sorted, and translates between the two numberings by binary search over those, which are as long as
/// the changes. Adjacency of changed nodes is kept in stable numbering, sorted by the neighbour's id, which is the
/// order of its index in any snapshot, so translating keeps it sorted. Every write copies the overlay's collections
/// (so each snapshot stays immutable); the store rebuilds a whole root once they grow, which keeps that copy small.
/// </remarks>
internal sealed class SnapshotOverlay
{
    private const int ChunkBits = 9;

    private readonly int _rootNodes;
    private readonly int _rootLinks;
    private readonly Dictionary<int, NodeEntry> _changed;
    private readonly Dictionary<string, int> _insertedIds;
    private readonly HashSet<int> _deletedRoot;
    private readonly Dictionary<int, Adjacent[]> _adjacency;
    private readonly Dictionary<int, (double WeightTotal, int RolesHolding)> _totals;
    private readonly List<GraphLink?> _appended;
    private readonly HashSet<int> _deletedRootLinks;
    private readonly int _nextStable;

    // Sorted views, kept in step with the collections above.
    private readonly List<int> _insertedSorted; // stable numbers of created nodes, by id
    private readonly List<int> _insertedBasePos; // for each, how many root ids sort before its id
    private readonly List<int> _deletedSorted; // deleted root indices, ascending
    private readonly List<string> _removedNames; // lowered root names of deleted or renamed root nodes, sorted
    private readonly List<string> _addedNames; // lowered names of created nodes and renamed root nodes, sorted

    // Derived from the sorted views once per write.
    private readonly int[] _insertedCur;
    private readonly int[] _deletedAdjusted;
    private readonly int[] _curOfInserted;

    // Made on first use, per snapshot.
    private readonly Adjacent[]?[]?[] _neighborChunks;
    private readonly int[]?[] _ofKind = new int[]?[GraphSnapshot.KindCount];
    private GraphNode[]? _allNodes;
    private GraphLink[]? _allLinks;

    private SnapshotOverlay(Builder b)
    {
        Root = b.Root;
        _rootNodes = Root.NodeCount;
        _rootLinks = Root.LinkCount;
        (_changed, _insertedIds, _deletedRoot, _adjacency, _totals, _appended, _deletedRootLinks, _nextStable) =
            (b.Changed, b.InsertedIds, b.DeletedRoot, b.Adjacency, b.Totals, b.Appended, b.DeletedRootLinks, b.NextStable);
        (_insertedSorted, _insertedBasePos, _deletedSorted, _removedNames, _addedNames) =
            (b.InsertedSorted, b.InsertedBasePos, b.DeletedSorted, b.RemovedNames, b.AddedNames);
        LinkCount = b.LinkCount;
        NodeCount = _rootNodes - _deletedSorted.Count + _insertedSorted.Count;
        Shifts = _insertedSorted.Count + _deletedSorted.Count > 0;
        NamesChanged = _removedNames.Count + _addedNames.Count > 0;

        _deletedAdjusted = new int[_deletedSorted.Count];
        for (var t = 0; t < _deletedAdjusted.Length; t++)
        {
            _deletedAdjusted[t] = _deletedSorted[t] - t; // how many kept root nodes come before the t-th deleted one
        }

        _insertedCur = new int[_insertedSorted.Count];
        _curOfInserted = new int[_nextStable - _rootNodes];
        Array.Fill(_curOfInserted, -1);
        for (var j = 0; j < _insertedCur.Length; j++)
        {
            var basePos = _insertedBasePos[j];
            _insertedCur[j] = basePos - LowerBound(_deletedSorted, basePos) + j;
            _curOfInserted[_insertedSorted[j] - _rootNodes] = _insertedCur[j];
        }

        _neighborChunks = new Adjacent[]?[]?[(NodeCount >> ChunkBits) + 1];
    }

    public GraphSnapshot Root { get; }

    public int NodeCount { get; }

    public int LinkCount { get; }

    /// <summary>Whether created or deleted nodes moved indices, so root indices must be translated.</summary>
    private bool Shifts { get; }

    private bool NamesChanged { get; }

    /// <summary>How much the overlay holds; the store rebuilds a whole snapshot when it grows large.</summary>
    public int Size => _changed.Count + _deletedRoot.Count + _adjacency.Count + _appended.Count + _deletedRootLinks.Count;

    /// <summary>
    /// Derives the overlay of the graph after <paramref name="changes"/>; null where this cannot be done in place (a
    /// node changes kind), so the caller builds whole.
    /// </summary>
    public static SnapshotOverlay? Derive(GraphSnapshot root, SnapshotOverlay? previous, GraphChangeSet changes)
    {
        var b = new Builder(root, previous);
        return b.Apply(changes) ? new SnapshotOverlay(b) : null;
    }

    // ---- numbering ----

    private int CurOfRoot(int rootIndex) => Shifts
        ? rootIndex + UpperBound(_insertedBasePos, rootIndex) - LowerBound(_deletedSorted, rootIndex)
        : rootIndex;

    private int CurOfStable(int stable) => stable < _rootNodes ? CurOfRoot(stable) : _curOfInserted[stable - _rootNodes];

    private int StableOfCur(int cur)
    {
        if (!Shifts)
        {
            return cur;
        }

        var j = LowerBound(_insertedCur, cur);
        if (j < _insertedCur.Length && _insertedCur[j] == cur)
        {
            return _insertedSorted[j];
        }

        var kept = cur - j; // the cur-th node is the kept-th root node that was not deleted
        return kept + UpperBound(_deletedAdjusted, kept);
    }

    // ---- reads ----

    public bool TryGetIndex(string id, out int index)
    {
        if (_insertedIds.TryGetValue(id, out var stable))
        {
            index = _curOfInserted[stable - _rootNodes];
            return true;
        }

        if (Root.TryGetIndex(id, out var rootIndex) && (_deletedRoot.Count == 0 || !_deletedRoot.Contains(rootIndex)))
        {
            index = CurOfRoot(rootIndex);
            return true;
        }

        index = -1;
        return false;
    }

    public GraphNode Node(int cur) => NodeOfStable(StableOfCur(cur));

    private GraphNode NodeOfStable(int stable) =>
        _changed.Count > 0 && _changed.TryGetValue(stable, out var entry) ? entry.Node : Root[stable];

    public string LowerName(int cur)
    {
        var stable = StableOfCur(cur);
        return _changed.Count > 0 && _changed.TryGetValue(stable, out var entry) ? entry.LowerName : Root.LowerName(stable);
    }

    public IReadOnlyList<string> LowerAliases(int cur)
    {
        var stable = StableOfCur(cur);
        return _changed.Count > 0 && _changed.TryGetValue(stable, out var entry) ? entry.LowerAliases : Root.LowerAliases(stable);
    }

    public GraphLink Link(int link) => link < _rootLinks ? Root.Link(link) : _appended[link - _rootLinks]!;

    public double RoleWeightTotal(int cur)
    {
        var stable = StableOfCur(cur);
        return _totals.TryGetValue(stable, out var totals) ? totals.WeightTotal : Root.RoleWeightTotal(stable);
    }

    public int RolesHolding(int cur)
    {
        var stable = StableOfCur(cur);
        return _totals.TryGetValue(stable, out var totals) ? totals.RolesHolding : Root.RolesHolding(stable);
    }

    /// <summary>How many names sort before this node's: its rank in a whole build.</summary>
    public int NameRank(int cur)
    {
        var stable = StableOfCur(cur);
        if (!NamesChanged)
        {
            return Root.NameRank(stable);
        }

        var name = LowerName(cur);
        var inRoot = stable < _rootNodes && string.Equals(name, Root.LowerName(stable), StringComparison.Ordinal)
            ? Root.NameRank(stable)
            : Root.CountNamesBefore(name);
        return inRoot - LowerBound(_removedNames, name) + LowerBound(_addedNames, name);
    }

    public ReadOnlySpan<Adjacent> Neighbors(int cur)
    {
        var stable = StableOfCur(cur);
        var changed = _adjacency.TryGetValue(stable, out var own);
        if (!Shifts)
        {
            return changed ? own : Root.Neighbors(stable);
        }

        var chunk = Volatile.Read(ref _neighborChunks[cur >> ChunkBits]);
        if (chunk is null)
        {
            Interlocked.CompareExchange(ref _neighborChunks[cur >> ChunkBits], new Adjacent[]?[1 << ChunkBits], null);
            chunk = _neighborChunks[cur >> ChunkBits]!;
        }

        var translated = Volatile.Read(ref chunk[cur & ((1 << ChunkBits) - 1)]);
        if (translated is null)
        {
            var source = changed ? own : Root.Neighbors(stable);
            translated = new Adjacent[source.Length];
            for (var i = 0; i < source.Length; i++)
            {
                translated[i] = source[i] with { Node = CurOfStable(source[i].Node) };
            }

            Volatile.Write(ref chunk[cur & ((1 << ChunkBits) - 1)], translated);
        }

        return translated;
    }

    public ReadOnlySpan<int> OfKind(NodeKind kind)
    {
        if (!Shifts)
        {
            return Root.OfKind(kind); // kinds never change in an overlay
        }

        var list = Volatile.Read(ref _ofKind[(int)kind]);
        if (list is null)
        {
            var merged = new List<int>(Root.OfKind(kind).Length + _insertedCur.Length);
            var j = 0;
            foreach (var rootIndex in Root.OfKind(kind))
            {
                if (_deletedRoot.Contains(rootIndex))
                {
                    continue;
                }

                var cur = CurOfRoot(rootIndex);
                for (; j < _insertedCur.Length && _insertedCur[j] < cur; j++)
                {
                    AddIfKind(j);
                }

                merged.Add(cur);
            }

            for (; j < _insertedCur.Length; j++)
            {
                AddIfKind(j);
            }

            list = merged.ToArray();
            Volatile.Write(ref _ofKind[(int)kind], list);

            void AddIfKind(int j)
            {
                if (_changed[_insertedSorted[j]].Node.Kind == kind)
                {
                    merged.Add(_insertedCur[j]);
                }
            }
        }

        return list;
    }

    /// <summary>The root's name order of the kind, less what moved, merged with the created and renamed nodes.</summary>
    public int[] OfKindByName(NodeKind kind)
    {
        if (!Shifts && !NamesChanged)
        {
            return Root.OfKindByName(kind);
        }

        var moved = new List<int>();
        foreach (var (stable, entry) in _changed)
        {
            if (entry.Node.Kind == kind && (stable >= _rootNodes || !string.Equals(entry.LowerName, Root.LowerName(stable), StringComparison.Ordinal)))
            {
                moved.Add(CurOfStable(stable));
            }
        }

        moved.Sort(Compare);
        var merged = new List<int>(Root.OfKind(kind).Length + moved.Count);
        var m = 0;
        foreach (var rootIndex in Root.OfKindByName(kind))
        {
            if (_deletedRoot.Contains(rootIndex)
                || (_changed.TryGetValue(rootIndex, out var entry) && !string.Equals(entry.LowerName, Root.LowerName(rootIndex), StringComparison.Ordinal)))
            {
                continue;
            }

            var cur = CurOfRoot(rootIndex);
            for (; m < moved.Count && Compare(moved[m], cur) < 0; m++)
            {
                merged.Add(moved[m]);
            }

            merged.Add(cur);
        }

        for (; m < moved.Count; m++)
        {
            merged.Add(moved[m]);
        }

        return merged.ToArray();

        int Compare(int a, int b)
        {
            var c = string.CompareOrdinal(LowerName(a), LowerName(b));
            return c != 0 ? c : a.CompareTo(b);
        }
    }

    public IReadOnlyList<GraphNode> AllNodes
    {
        get
        {
            var all = Volatile.Read(ref _allNodes);
            if (all is null)
            {
                all = new GraphNode[NodeCount];
                for (var i = 0; i < all.Length; i++)
                {
                    all[i] = Node(i);
                }

                Volatile.Write(ref _allNodes, all);
            }

            return all;
        }
    }

    public IReadOnlyList<GraphLink> AllLinks
    {
        get
        {
            var all = Volatile.Read(ref _allLinks);
            if (all is null)
            {
                var list = new List<GraphLink>(LinkCount);
                for (var l = 0; l < _rootLinks; l++)
                {
                    if (_deletedRootLinks.Count == 0 || !_deletedRootLinks.Contains(l))
                    {
                        list.Add(Root.Link(l));
                    }
                }

                foreach (var link in _appended)
                {
                    if (link is not null)
                    {
                        list.Add(link);
                    }
                }

                all = list.ToArray();
                Volatile.Write(ref _allLinks, all);
            }

            return all;
        }
    }

    // ---- helpers ----

    private static int LowerBound(List<int> sorted, int value) => LowerBound(CollectionsMarshal.AsSpan(sorted), value);

    private static int UpperBound(List<int> sorted, int value) => UpperBound(CollectionsMarshal.AsSpan(sorted), value);

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
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

    private static int UpperBound(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] <= value)
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

    private static int LowerBound(List<string> sorted, string value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(sorted[middle], value) < 0)
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

    /// <summary>A node as it is now, with its lowered texts.</summary>
    private sealed class NodeEntry(GraphNode node)
    {
        public GraphNode Node { get; } = node;

        public string LowerName { get; } = node.Name.ToLowerInvariant();

        public string[] LowerAliases { get; } = GraphSnapshot.LowerAll(node.Aliases);
    }

    /// <summary>Copies the previous overlay's collections and applies one change set to them.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<int, List<Adjacent>> _working = [];

        public Builder(GraphSnapshot root, SnapshotOverlay? previous)
        {
            Root = root;
            RootNodes = root.NodeCount;
            RootLinks = root.LinkCount;
            if (previous is null)
            {
                NextStable = RootNodes;
                LinkCount = RootLinks;
                return;
            }

            Changed = new(previous._changed);
            InsertedIds = new(previous._insertedIds, StringComparer.Ordinal);
            DeletedRoot = [.. previous._deletedRoot];
            Adjacency = new(previous._adjacency);
            Totals = new(previous._totals);
            Appended = [.. previous._appended];
            DeletedRootLinks = [.. previous._deletedRootLinks];
            NextStable = previous._nextStable;
            InsertedSorted = [.. previous._insertedSorted];
            InsertedBasePos = [.. previous._insertedBasePos];
            DeletedSorted = [.. previous._deletedSorted];
            RemovedNames = [.. previous._removedNames];
            AddedNames = [.. previous._addedNames];
            LinkCount = previous.LinkCount;
        }

        public GraphSnapshot Root { get; }

        private int RootNodes { get; }

        private int RootLinks { get; }

        public Dictionary<int, NodeEntry> Changed { get; } = [];

        public Dictionary<string, int> InsertedIds { get; } = new(StringComparer.Ordinal);

        public HashSet<int> DeletedRoot { get; } = [];

        public Dictionary<int, Adjacent[]> Adjacency { get; } = [];

        public Dictionary<int, (double WeightTotal, int RolesHolding)> Totals { get; } = [];

        public List<GraphLink?> Appended { get; } = [];

        public HashSet<int> DeletedRootLinks { get; } = [];

        public int NextStable { get; private set; }

        public List<int> InsertedSorted { get; } = [];

        public List<int> InsertedBasePos { get; } = [];

        public List<int> DeletedSorted { get; } = [];

        public List<string> RemovedNames { get; } = [];

        public List<string> AddedNames { get; } = [];

        public int LinkCount { get; private set; }

        /// <summary>In the journal's order: deleted links, deleted nodes, written nodes, written links.</summary>
        public bool Apply(GraphChangeSet changes)
        {
            foreach (var key in changes.DeleteLinks)
            {
                RemoveLink(key);
            }

            foreach (var id in changes.DeleteNodes)
            {
                var stable = StableOf(id);
                if (stable < 0 || Working(stable).Count > 0)
                {
                    throw new InvalidOperationException($"The change set deletes '{id}', which is absent or still linked.");
                }

                ForgetName(stable);
                if (stable < RootNodes)
                {
                    DeletedRoot.Add(stable);
                    DeletedSorted.Insert(LowerBound(DeletedSorted, stable), stable);
                }
                else
                {
                    InsertedIds.Remove(id);
                    var j = InsertedPosition(id); // before the entry goes: the search reads the ids of created nodes
                    InsertedSorted.RemoveAt(j);
                    InsertedBasePos.RemoveAt(j);
                }

                _working.Remove(stable);
                Adjacency.Remove(stable);
                Totals.Remove(stable);
                Changed.Remove(stable);
            }

            foreach (var node in changes.WriteNodes)
            {
                var stable = StableOf(node.Id);
                if (stable >= 0)
                {
                    if (NodeOf(stable).Kind != node.Kind)
                    {
                        return false;
                    }

                    ForgetName(stable);
                    Changed[stable] = new NodeEntry(node);
                    CountName(stable);
                }
                else if (Root.TryGetIndex(node.Id, out var rootIndex))
                {
                    // Deleted since the root and written again: its old place (its id's rank) comes back, without links.
                    if (Root[rootIndex].Kind != node.Kind)
                    {
                        return false;
                    }

                    DeletedRoot.Remove(rootIndex);
                    DeletedSorted.RemoveAt(LowerBound(DeletedSorted, rootIndex));
                    Changed[rootIndex] = new NodeEntry(node);
                    _working[rootIndex] = [];
                    CountName(rootIndex);
                }
                else
                {
                    stable = NextStable++;
                    InsertedIds.Add(node.Id, stable);
                    var j = InsertedPosition(node.Id);
                    InsertedSorted.Insert(j, stable);
                    InsertedBasePos.Insert(j, Root.CountIdsBefore(node.Id));
                    Changed[stable] = new NodeEntry(node);
                    _working[stable] = [];
                    CountName(stable);
                }
            }

            foreach (var link in changes.WriteLinks)
            {
                RemoveLink(LinkKey.Of(link), mustExist: false);
                var (from, to) = (StableOf(link.FromId), StableOf(link.ToId));
                if (from < 0 || to < 0)
                {
                    throw new InvalidOperationException($"The change set links a node that is absent: {LinkKey.Of(link)}.");
                }

                var index = RootLinks + Appended.Count;
                Appended.Add(link);
                LinkCount++;
                Insert(Working(from), new Adjacent(to, link.Relation, Outgoing: true, index));
                Insert(Working(to), new Adjacent(from, link.Relation, Outgoing: false, index));
            }

            foreach (var (stable, adjacency) in _working)
            {
                var entries = adjacency.ToArray();
                Adjacency[stable] = entries;
                Totals[stable] = GraphSnapshot.Totals(entries, LinkAt, s => NodeOf(s).Kind);
            }

            return true;
        }

        private void RemoveLink(LinkKey key, bool mustExist = true)
        {
            var (from, to) = (StableOf(key.FromId), StableOf(key.ToId));
            var outgoing = from < 0 || to < 0 ? -1 : Working(from).FindIndex(a => a.Node == to && a.Relation == key.Relation && a.Outgoing);
            if (outgoing < 0)
            {
                if (mustExist)
                {
                    throw new InvalidOperationException($"The change set deletes the link {key}, which is absent.");
                }

                return;
            }

            var link = Working(from)[outgoing].Link;
            Working(from).RemoveAt(outgoing);
            Working(to).RemoveAt(Working(to).FindIndex(a => a.Node == from && a.Relation == key.Relation && !a.Outgoing));
            if (link < RootLinks)
            {
                DeletedRootLinks.Add(link);
            }
            else
            {
                Appended[link - RootLinks] = null;
            }

            LinkCount--;
        }

        private int StableOf(string id)
        {
            if (InsertedIds.TryGetValue(id, out var stable))
            {
                return stable;
            }

            return Root.TryGetIndex(id, out var rootIndex) && !DeletedRoot.Contains(rootIndex) ? rootIndex : -1;
        }

        private GraphNode NodeOf(int stable) => Changed.TryGetValue(stable, out var entry) ? entry.Node : Root[stable];

        private string LowerNameOf(int stable) => Changed.TryGetValue(stable, out var entry) ? entry.LowerName : Root.LowerName(stable);

        private GraphLink LinkAt(int link) => link < RootLinks ? Root.Link(link) : Appended[link - RootLinks]!;

        private List<Adjacent> Working(int stable)
        {
            if (!_working.TryGetValue(stable, out var list))
            {
                list = Adjacency.TryGetValue(stable, out var own) ? [.. own]
                    : stable < RootNodes ? [.. Root.Neighbors(stable)]
                    : [];
                _working[stable] = list;
            }

            return list;
        }

        /// <summary>Keeps a node's adjacency in snapshot order: by the neighbour's id (its index in any snapshot), relation, outgoing first.</summary>
        private void Insert(List<Adjacent> adjacency, Adjacent entry)
        {
            var id = NodeOf(entry.Node).Id;
            int low = 0, high = adjacency.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                var other = adjacency[middle];
                var c = string.CompareOrdinal(NodeOf(other.Node).Id, id);
                c = c != 0 ? c : other.Relation.CompareTo(entry.Relation);
                c = c != 0 ? c : entry.Outgoing.CompareTo(other.Outgoing);
                if (c < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            adjacency.Insert(low, entry);
        }

        private int InsertedPosition(string id)
        {
            int low = 0, high = InsertedSorted.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (string.CompareOrdinal(Changed[InsertedSorted[middle]].Node.Id, id) < 0)
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

        /// <summary>Takes a node's name out of the name bookkeeping before it is rewritten or deleted.</summary>
        private void ForgetName(int stable)
        {
            if (stable < RootNodes)
            {
                var rootName = Root.LowerName(stable);
                var renamed = Changed.TryGetValue(stable, out var entry) && !string.Equals(entry.LowerName, rootName, StringComparison.Ordinal);
                if (!renamed)
                {
                    RemovedNames.Insert(LowerBound(RemovedNames, rootName), rootName); // the root's name leaves
                    return;
                }
            }

            var name = LowerNameOf(stable);
            AddedNames.RemoveAt(LowerBound(AddedNames, name));
        }

        /// <summary>Puts a node's (new) name into the bookkeeping after it is written.</summary>
        private void CountName(int stable)
        {
            var name = LowerNameOf(stable);
            if (stable < RootNodes && string.Equals(name, Root.LowerName(stable), StringComparison.Ordinal))
            {
                RemovedNames.RemoveAt(LowerBound(RemovedNames, name)); // the root's name is back
                return;
            }

            AddedNames.Insert(LowerBound(AddedNames, name), name);
        }
    }
}
