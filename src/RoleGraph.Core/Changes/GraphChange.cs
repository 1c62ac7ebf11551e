using RoleGraph.Core.Editing;
using RoleGraph.Core.Graph;

namespace RoleGraph.Core.Changes;

/// <summary>
/// One change of the graph: the revision it produced and, where the publisher knows them, the nodes and links it
/// touched. The embedded store knows them (it hands over the graph before the write and the planned changes, which
/// are only turned into <see cref="Nodes"/> and <see cref="Links"/> when a subscriber first asks, off the write
/// path); a store that only sees the revision move (Neo4j, written by another process) publishes
/// <see cref="RevisionOnly"/>, and subscribers re-read what they show.
/// </summary>
public sealed class GraphChange
{
    private readonly GraphSnapshot? _before;
    private readonly GraphChangeSet? _changes;
    private readonly Lazy<(IReadOnlyList<NodeChange> Nodes, IReadOnlyList<LinkChange> Links)> _items;

    private GraphChange(long revision, GraphSnapshot? before, GraphChangeSet? changes)
    {
        Revision = revision;
        _before = before;
        _changes = changes;
        _items = new(Materialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The store's revision after the change (<c>IGraphStore.GetRevisionAsync</c>).</summary>
    public long Revision { get; }

    /// <summary>When the change was published.</summary>
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

    /// <summary>Whether <see cref="Nodes"/> and <see cref="Links"/> list what changed; false when only the revision is known.</summary>
    public bool Detailed => _changes is not null;

    /// <summary>How many nodes and links changed (0 when not <see cref="Detailed"/>).</summary>
    public int Size => _changes is null ? 0
        : _changes.WriteNodes.Count + _changes.DeleteNodes.Count + _changes.WriteLinks.Count + _changes.DeleteLinks.Count;

    public IReadOnlyList<NodeChange> Nodes => _items.Value.Nodes;

    public IReadOnlyList<LinkChange> Links => _items.Value.Links;

    /// <summary>A change a store applied itself: the graph before it and the planned changes (both immutable; nothing is copied).</summary>
    public static GraphChange Applied(long revision, GraphSnapshot before, GraphChangeSet changes) => new(revision, before, changes);

    /// <summary>A change seen only as a new revision.</summary>
    public static GraphChange RevisionOnly(long revision) => new(revision, null, null);

    private (IReadOnlyList<NodeChange>, IReadOnlyList<LinkChange>) Materialize()
    {
        if (_changes is null || _before is null)
        {
            return ([], []);
        }

        var nodes = new List<NodeChange>(_changes.WriteNodes.Count + _changes.DeleteNodes.Count);
        foreach (var node in _changes.WriteNodes)
        {
            nodes.Add(new NodeChange(node.Id, node.Kind, _before.Find(node.Id) is null ? ChangeKind.Created : ChangeKind.Updated));
        }

        foreach (var id in _changes.DeleteNodes)
        {
            if (_before.Find(id) is { } node)
            {
                nodes.Add(new NodeChange(id, node.Kind, ChangeKind.Deleted));
            }
        }

        var links = new List<LinkChange>(_changes.WriteLinks.Count + _changes.DeleteLinks.Count);
        foreach (var link in _changes.WriteLinks)
        {
            links.Add(new LinkChange(link.FromId, link.ToId, link.Relation, Existed(_before, link) ? ChangeKind.Updated : ChangeKind.Created));
        }

        foreach (var key in _changes.DeleteLinks)
        {
            links.Add(new LinkChange(key.FromId, key.ToId, key.Relation, ChangeKind.Deleted));
        }

        return (nodes, links);
    }

    private static bool Existed(GraphSnapshot before, Model.GraphLink link)
    {
        if (!before.TryGetIndex(link.FromId, out var from) || !before.TryGetIndex(link.ToId, out var to))
        {
            return false;
        }

        foreach (var adjacent in before.Neighbors(from))
        {
            if (adjacent.Node == to && adjacent.Outgoing && adjacent.Relation == link.Relation)
            {
                return true;
            }
        }

        return false;
    }
}
