using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Tests.Contract;

/// <summary>
/// What the tests know about a dataset without asking any store: written plainly over the document's nodes and
/// links (no snapshot, no production algorithm), so that the embedded store, which the other half of every contract
/// test treats as the reference, is checked against something independent too. Sums are exact (decimal) so ties
/// between scores are real ties.
/// </summary>
internal sealed class DatasetModel
{
    private readonly Dictionary<string, List<(string Other, GraphLink Link, bool Forward)>> _adjacent = new(StringComparer.Ordinal);

    public DatasetModel(TaxonomyDocument document)
    {
        Document = document;
        Nodes = document.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var node in document.Nodes)
        {
            _adjacent[node.Id] = [];
        }

        foreach (var link in document.Links)
        {
            _adjacent[link.FromId].Add((link.ToId, link, true));
            _adjacent[link.ToId].Add((link.FromId, link, false));
        }
    }

    public TaxonomyDocument Document { get; }

    /// <summary>
    /// A path's relevance, stated plainly: the mean over the nodes between its ends of ln((R+1)/(r+1))/ln(R+1) times
    /// the mean weight of the two links through the node, R the roles, r the roles holding the node; 1 with nothing between.
    /// </summary>
    public double PathScore(GraphPath path)
    {
        if (path.Nodes.Count <= 2)
        {
            return 1;
        }

        var roles = OfKind(NodeKind.Role).Count();
        double Weight(PathStep step) => step.Forward
            ? _adjacent[step.FromId].First(a => a.Forward && a.Other == step.ToId && a.Link.Relation == step.Relation).Link.Weight
            : _adjacent[step.ToId].First(a => a.Forward && a.Other == step.FromId && a.Link.Relation == step.Relation).Link.Weight;
        var total = 0.0;
        for (var i = 1; i < path.Nodes.Count - 1; i++)
        {
            var holding = _adjacent[path.Nodes[i].Id]
                .Where(a => !a.Forward && a.Link.Relation is RelationKind.Requires or RelationKind.Uses or RelationKind.ResponsibleFor && Nodes[a.Other].Kind == NodeKind.Role)
                .Select(a => a.Other)
                .Distinct(StringComparer.Ordinal)
                .Count();
            var specificity = roles == 0 ? 0 : Math.Log((roles + 1.0) / (holding + 1.0)) / Math.Log(roles + 1.0);
            total += specificity * (Weight(path.Steps[i - 1]) + Weight(path.Steps[i])) / 2;
        }

        return total / (path.Nodes.Count - 2);
    }

    public IReadOnlyDictionary<string, GraphNode> Nodes { get; }

    public GraphNode this[string id] => Nodes[id];

    public IEnumerable<GraphNode> OfKind(NodeKind kind) => Document.Nodes.Where(n => n.Kind == kind);

    public int Count(NodeKind kind) => OfKind(kind).Count();

    /// <summary>The order of every list unless asked otherwise: lower-cased name (ordinal), then id.</summary>
    public static int ByNameThenId(GraphNode a, GraphNode b)
    {
        var byName = string.CompareOrdinal(a.Name.ToLowerInvariant(), b.Name.ToLowerInvariant());
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    }

    public static GraphNode[] SortedByName(IEnumerable<GraphNode> nodes)
    {
        var list = nodes.ToList();
        list.Sort(ByNameThenId);
        return list.ToArray();
    }

    public IEnumerable<GraphLink> LinksOf(string id) => _adjacent[id].Select(a => a.Link);

    /// <summary>The links of one relation a node is the source (outgoing) or target (incoming) of.</summary>
    public IEnumerable<GraphLink> Links(string id, RelationKind relation, LinkDirection direction) =>
        _adjacent.TryGetValue(id, out var adjacent)
            ? adjacent.Where(a => a.Link.Relation == relation && a.Forward == (direction == LinkDirection.Outgoing)).Select(a => a.Link)
            : [];

    /// <summary>GetLinked as the interface documents it: weight descending, then name, then id.</summary>
    public IReadOnlyList<LinkedNode> Linked(string id, RelationKind relation, LinkDirection direction)
    {
        var linked = Links(id, relation, direction)
            .Select(l => new LinkedNode(Nodes[direction == LinkDirection.Outgoing ? l.ToId : l.FromId], l))
            .ToList();
        linked.Sort((a, b) =>
        {
            var byWeight = (b.Link.Importance ?? 1.0).CompareTo(a.Link.Importance ?? 1.0);
            return byWeight != 0 ? byWeight : ByNameThenId(a.Node, b.Node);
        });
        return linked;
    }

    /// <summary>What a role links to over one relation, as (item, link).</summary>
    public IReadOnlyList<(GraphNode Item, GraphLink Link)> Items(string roleId, RelationKind relation) =>
        Links(roleId, relation, LinkDirection.Outgoing).Select(l => (Nodes[l.ToId], l)).ToList();

    public static RelationKind RelationFor(NodeKind kind) => kind switch
    {
        NodeKind.Skill => RelationKind.Requires,
        NodeKind.Tool => RelationKind.Uses,
        NodeKind.Responsibility => RelationKind.ResponsibleFor,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The breadth-first distance over links of the allowed relations in either direction, or null beyond maxHops.</summary>
    public int? Distance(string from, string to, int maxHops, IReadOnlyCollection<RelationKind>? via)
    {
        var layers = Layers(from, maxHops, via);
        return layers.TryGetValue(to, out var d) ? d : null;
    }

    /// <summary>How many distinct shortest paths (as sequences of links) join two nodes.</summary>
    public double CountShortestPaths(string from, string to, int maxHops, IReadOnlyCollection<RelationKind>? via)
    {
        var distance = Layers(from, maxHops, via);
        if (!distance.TryGetValue(to, out var length))
        {
            return 0;
        }

        var ways = new Dictionary<string, double>(StringComparer.Ordinal) { [from] = 1 };
        foreach (var layer in distance.Where(d => d.Value > 0 && d.Value <= length).GroupBy(d => d.Value).OrderBy(g => g.Key))
        {
            foreach (var (node, depth) in layer)
            {
                ways[node] = _adjacent[node]
                    .Where(a => Allowed(via, a.Link.Relation) && distance.TryGetValue(a.Other, out var d) && d == depth - 1)
                    .Sum(a => ways.GetValueOrDefault(a.Other));
            }
        }

        return ways[to];
    }

    public bool HasLink(string from, string to, RelationKind relation) =>
        _adjacent.TryGetValue(from, out var adjacent) && adjacent.Any(a => a.Forward && a.Other == to && a.Link.Relation == relation);

    private Dictionary<string, int> Layers(string from, int maxHops, IReadOnlyCollection<RelationKind>? via)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        var frontier = new List<string> { from };
        for (var depth = 1; depth <= maxHops && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var (other, link, _) in _adjacent[node])
                {
                    if (Allowed(via, link.Relation) && distance.TryAdd(other, depth))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return distance;
    }

    private static bool Allowed(IReadOnlyCollection<RelationKind>? via, RelationKind relation) => via is null || via.Count == 0 || via.Contains(relation);

    /// <summary>Overlap as documented: shared by every role, held by exactly one, Jaccard over the chosen kinds.</summary>
    public OverlapResult Overlap(IReadOnlyList<string> roleIds, IReadOnlyList<NodeKind> kinds)
    {
        var comparable = new[] { NodeKind.Skill, NodeKind.Tool, NodeKind.Responsibility };
        var chosen = comparable.Where(kinds.Contains).ToArray();
        var shared = new Dictionary<NodeKind, GraphNode[]>();
        var alone = roleIds.Select(_ => new Dictionary<NodeKind, GraphNode[]>()).ToArray();
        int sharedCount = 0, unionCount = 0;
        foreach (var kind in comparable)
        {
            var sets = roleIds.Select(r => chosen.Contains(kind) ? Items(r, RelationFor(kind)).Select(x => x.Item.Id).ToHashSet(StringComparer.Ordinal) : []).ToArray();
            var union = sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToArray();
            var all = union.Where(id => sets.All(s => s.Contains(id))).ToArray();
            shared[kind] = SortedByName(all.Select(id => Nodes[id]));
            for (var r = 0; r < roleIds.Count; r++)
            {
                alone[r][kind] = SortedByName(sets[r].Where(id => sets.Count(s => s.Contains(id)) == 1).Select(id => Nodes[id]));
            }

            sharedCount += all.Length;
            unionCount += union.Length;
        }

        return new OverlapResult(
            roleIds.Select(r => Nodes[r]).ToArray(),
            chosen,
            shared[NodeKind.Skill],
            shared[NodeKind.Tool],
            shared[NodeKind.Responsibility],
            roleIds.Select((r, i) => new RoleOverlap(Nodes[r], alone[i][NodeKind.Skill], alone[i][NodeKind.Tool], alone[i][NodeKind.Responsibility])).ToArray(),
            unionCount == 0 ? 0 : (double)sharedCount / unionCount);
    }

    /// <summary>The skill gap as documented: the target's skills and tools, missing or carried over, most important first.</summary>
    public SkillGapResult SkillGap(string fromRole, string toRole)
    {
        var held = Items(fromRole, RelationKind.Requires).Concat(Items(fromRole, RelationKind.Uses)).Select(x => x.Item.Id).ToHashSet(StringComparer.Ordinal);
        var target = Items(toRole, RelationKind.Requires).Concat(Items(toRole, RelationKind.Uses)).ToList();
        var total = target.Sum(x => Weight(x.Link));
        var covered = target.Where(x => held.Contains(x.Item.Id)).Sum(x => Weight(x.Link));
        return new SkillGapResult(
            Nodes[fromRole],
            Nodes[toRole],
            Ranked(target.Where(x => !held.Contains(x.Item.Id))),
            Ranked(target.Where(x => held.Contains(x.Item.Id))),
            total == 0 ? 1 : (double)(covered / total));

        static GapItem[] Ranked(IEnumerable<(GraphNode Item, GraphLink Link)> items)
        {
            var list = items.ToList();
            list.Sort((a, b) =>
            {
                var byWeight = Weight(b.Link).CompareTo(Weight(a.Link));
                return byWeight != 0 ? byWeight : ByNameThenId(a.Item, b.Item);
            });
            return list.Select(x => new GapItem(x.Item, x.Link.Importance, x.Link.Level)).ToArray();
        }
    }

    /// <summary>Similar roles as documented: weighted Jaccard over skills and tools, score descending, then name and id.</summary>
    private static decimal Weight(GraphLink link) => (decimal)(link.Importance ?? 1.0);

    /// <summary>The skills and tools both roles hold, by name, then id.</summary>
    public GraphNode[] SharedSkillsAndTools(string roleId, string otherId)
    {
        HashSet<string> Held(string id) =>
            Items(id, RelationKind.Requires).Concat(Items(id, RelationKind.Uses)).Select(x => x.Item.Id).ToHashSet(StringComparer.Ordinal);
        var theirs = Held(otherId);
        return SortedByName(Held(roleId).Where(theirs.Contains).Select(id => Nodes[id]));
    }

    /// <summary>Search as documented: exact > prefix > token > substring, name before alias, then name and id.</summary>
    public IReadOnlyList<SearchHit> Search(string text, IReadOnlyCollection<NodeKind>? kinds, int first)
    {
        var needle = text.Trim().ToLowerInvariant();
        var hits = new List<(SearchHit Hit, bool OnAlias)>();
        foreach (var node in Document.Nodes.Where(n => kinds is null || kinds.Count == 0 || kinds.Contains(n.Kind)))
        {
            var candidates = node.Aliases.Select(a => (Text: a, OnAlias: true)).Prepend((Text: node.Name, OnAlias: false));
            var best = candidates
                .Select(c => (c.Text, c.OnAlias, Match: Classify(c.Text.ToLowerInvariant(), needle)))
                .Where(c => c.Match is not null)
                .OrderBy(c => c.Match)
                .FirstOrDefault(); // stable: the name, then aliases in order, win ties
            if (best.Match is { } match)
            {
                hits.Add((new SearchHit(node, match, best.Text), best.OnAlias));
            }
        }

        hits.Sort((a, b) =>
        {
            var c = a.Hit.Match.CompareTo(b.Hit.Match);
            c = c != 0 ? c : a.OnAlias.CompareTo(b.OnAlias);
            return c != 0 ? c : ByNameThenId(a.Hit.Node, b.Hit.Node);
        });
        return hits.Take(first).Select(h => h.Hit).ToArray();
    }

    /// <summary>How a lower-cased text matches a lower-cased needle, or null.</summary>
    public static SearchMatch? Classify(string candidate, string needle)
    {
        if (candidate == needle)
        {
            return SearchMatch.Exact;
        }

        if (!candidate.Contains(needle, StringComparison.Ordinal))
        {
            return null;
        }

        if (candidate.StartsWith(needle, StringComparison.Ordinal))
        {
            return SearchMatch.Prefix;
        }

        for (var at = 1; at + needle.Length <= candidate.Length; at++)
        {
            if (!char.IsLetterOrDigit(candidate[at - 1]) && string.CompareOrdinal(candidate, at, needle, 0, needle.Length) == 0)
            {
                return SearchMatch.Token;
            }
        }

        return SearchMatch.Substring;
    }
}
