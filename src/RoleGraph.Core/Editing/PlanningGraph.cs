using System.Collections;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Editing;

/// <summary>
/// The graph a plan reads and extends: either every node and link copied into dictionaries (planning against lists,
/// and any replacing import), or a snapshot with the edit's own changes kept beside it, so that planning a small edit
/// looks up only what the edit names.
/// </summary>
internal sealed class PlanningGraph
{
    private readonly GraphSnapshot? _snapshot;
    private readonly IReadOnlyList<GraphNode>? _currentNodes;

    public PlanningGraph(IReadOnlyList<GraphNode> currentNodes, IReadOnlyList<GraphLink> currentLinks)
    {
        _currentNodes = currentNodes;
        Nodes = new NodeView(currentNodes.ToDictionary(n => n.Id, StringComparer.Ordinal), null);
        Links = new LinkView(currentLinks.ToDictionary(LinkKey.Of), null);
    }

    public PlanningGraph(GraphSnapshot snapshot)
    {
        _snapshot = snapshot;
        Nodes = new NodeView(null, snapshot);
        Links = new LinkView(null, snapshot);
    }

    public NodeView Nodes { get; }

    public LinkView Links { get; }

    /// <summary>Whether the graph held the node before the edit.</summary>
    public bool ExistedBefore(string id) => _snapshot is not null ? _snapshot.Find(id) is not null : _currentNodes!.Any(n => n.Id == id);

    /// <summary>Links that may have lost an endpoint: every link when copied whole, else those of the deleted nodes.</summary>
    public IEnumerable<LinkKey> LinksPossiblyDangling(IEnumerable<string> deletedNodes)
    {
        if (_snapshot is null)
        {
            return Links.All!.Keys;
        }

        var keys = new List<LinkKey>();
        var seen = new HashSet<LinkKey>();
        foreach (var id in deletedNodes)
        {
            if (_snapshot.TryGetIndex(id, out var index))
            {
                foreach (var adjacent in _snapshot.Neighbors(index))
                {
                    var key = LinkKey.Of(_snapshot.Link(adjacent.Link));
                    if (seen.Add(key) && Links.ContainsKey(key))
                    {
                        keys.Add(key);
                    }
                }
            }

            foreach (var (key, link) in Links.Changes)
            {
                if (link is not null && (key.FromId == id || key.ToId == id) && seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    public IReadOnlyList<GraphNode> NodesAfter() => _snapshot is null
        ? Nodes.All!.Values.ToArray()
        : new Deferred<GraphNode>(() => After(_snapshot.Nodes, n => n.Id, Nodes.Changes));

    public IReadOnlyList<GraphLink> LinksAfter() => _snapshot is null
        ? Links.All!.Values.ToArray()
        : new Deferred<GraphLink>(() => After(_snapshot.Links, LinkKey.Of, Links.Changes));

    private static T[] After<TKey, T>(IReadOnlyList<T> before, Func<T, TKey> keyOf, Dictionary<TKey, T?> changes)
        where TKey : notnull
        where T : class
    {
        var after = new List<T>(before.Count + changes.Count);
        foreach (var item in before)
        {
            if (!changes.ContainsKey(keyOf(item)))
            {
                after.Add(item);
            }
        }

        after.AddRange(changes.Values.OfType<T>());
        return after.ToArray();
    }

    /// <summary>Nodes by id: the copied dictionary, or the snapshot under the edit's changes (null: deleted).</summary>
    public sealed class NodeView(Dictionary<string, GraphNode>? all, GraphSnapshot? snapshot)
    {
        public Dictionary<string, GraphNode>? All { get; } = all;

        public Dictionary<string, GraphNode?> Changes { get; } = new(StringComparer.Ordinal);

        public bool TryGetValue(string id, out GraphNode node)
        {
            if (All is not null)
            {
                return All.TryGetValue(id, out node!);
            }

            node = Changes.TryGetValue(id, out var changed) ? changed! : snapshot!.Find(id)!;
            return node is not null;
        }

        public bool ContainsKey(string id) => TryGetValue(id, out _);

        public GraphNode? GetValueOrDefault(string id) => TryGetValue(id, out var node) ? node : null;

        public bool Remove(string id)
        {
            if (All is not null)
            {
                return All.Remove(id);
            }

            if (!ContainsKey(id))
            {
                return false;
            }

            Changes[id] = null;
            return true;
        }

        public GraphNode this[string id]
        {
            set
            {
                if (All is not null)
                {
                    All[id] = value;
                }
                else
                {
                    Changes[id] = value;
                }
            }
        }

        /// <summary>Every id; only where the graph was copied whole (a replacing edit).</summary>
        public IEnumerable<string> Keys => All?.Keys ?? throw new InvalidOperationException("Only a whole copy lists every node.");
    }

    /// <summary>Links by key: the copied dictionary, or the snapshot under the edit's changes (null: deleted).</summary>
    public sealed class LinkView(Dictionary<LinkKey, GraphLink>? all, GraphSnapshot? snapshot)
    {
        public Dictionary<LinkKey, GraphLink>? All { get; } = all;

        public Dictionary<LinkKey, GraphLink?> Changes { get; } = [];

        public bool TryGetValue(LinkKey key, out GraphLink link)
        {
            if (All is not null)
            {
                return All.TryGetValue(key, out link!);
            }

            link = Changes.TryGetValue(key, out var changed) ? changed! : snapshot!.FindLink(key)!;
            return link is not null;
        }

        public bool ContainsKey(LinkKey key) => TryGetValue(key, out _);

        public bool Remove(LinkKey key)
        {
            if (All is not null)
            {
                return All.Remove(key);
            }

            if (!ContainsKey(key))
            {
                return false;
            }

            Changes[key] = null;
            return true;
        }

        public GraphLink this[LinkKey key]
        {
            set
            {
                if (All is not null)
                {
                    All[key] = value;
                }
                else
                {
                    Changes[key] = value;
                }
            }
        }

        /// <summary>Every key; only where the graph was copied whole (a replacing edit).</summary>
        public IEnumerable<LinkKey> Keys => All?.Keys ?? throw new InvalidOperationException("Only a whole copy lists every link.");
    }

    /// <summary>A list made on first use: a plan's whole node and link lists, which the embedded store never needs.</summary>
    private sealed class Deferred<T>(Func<T[]> make) : IReadOnlyList<T>
    {
        private readonly Lazy<T[]> _items = new(make);

        public T this[int index] => _items.Value[index];

        public int Count => _items.Value.Length;

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items.Value).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
