using RoleGraph.Core.Model;
using RoleGraph.Core.Taxonomy;

namespace RoleGraph.Embedded;

/// <summary>
/// The fast path for reading a snapshot: every check <see cref="TaxonomyValidator"/> makes (slug ids, known kinds,
/// names, unique ids, known endpoints, the kinds each relation joins, weights, duplicate and reversed symmetric links),
/// in one pass and without per-item allocations beyond the graph itself, producing the same nodes and links. It gives
/// up (null) at the first problem; the caller then runs the validator, which reports every problem with its path.
/// Links reuse their endpoints' id strings, so a large graph holds each id once.
/// </summary>
internal static class TrustedSnapshotReader
{
    private static readonly Dictionary<string, NodeKind> Kinds =
        Enum.GetValues<NodeKind>().ToDictionary(k => k.ToString(), k => k, StringComparer.OrdinalIgnoreCase);

    public static (GraphNode[] Nodes, GraphLink[] Links)? TryRead(List<TaxonomyFileNode> rawNodes, List<TaxonomyFileLink> rawLinks)
    {
        var nodes = new GraphNode[rawNodes.Count];
        var byId = new Dictionary<string, GraphNode>(rawNodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            var raw = rawNodes[i];
            if (!NodeRules.IsSlug(raw.Id) || raw.Kind is null || !Kinds.TryGetValue(raw.Kind, out var kind) || string.IsNullOrWhiteSpace(raw.Name))
            {
                return null;
            }

            var node = new GraphNode(
                raw.Id!,
                kind,
                raw.Name.Trim(),
                string.IsNullOrWhiteSpace(raw.Description) ? null : raw.Description.Trim(),
                Aliases(raw.Aliases),
                raw.Properties is { Count: > 0 } p ? new Dictionary<string, string>(p, StringComparer.Ordinal) : GraphNode.NoProperties);
            if (!byId.TryAdd(node.Id, node))
            {
                return null;
            }

            nodes[i] = node;
        }

        var links = new GraphLink[rawLinks.Count];
        HashSet<LinkKey>? seen = null; // only when the links are not in the order compaction writes them
        HashSet<LinkKey>? symmetric = null;
        var previous = default(LinkKey);
        GraphNode? from = null;
        for (var i = 0; i < links.Length; i++)
        {
            var raw = rawLinks[i];
            if (!RelationRules.TryParseWireName(raw.Relation, out var relation) || raw.From is null || raw.To is null)
            {
                return null;
            }

            // Links are written grouped by source: look the source up only when it changes.
            if ((from is null || !string.Equals(from.Id, raw.From, StringComparison.Ordinal)) && !byId.TryGetValue(raw.From, out from))
            {
                return null;
            }

            if (!byId.TryGetValue(raw.To, out var to))
            {
                return null;
            }

            var link = new GraphLink(from.Id, to.Id, relation, raw.Importance, raw.Level);
            if (RelationRules.HasProblems(link, from.Kind, to.Kind))
            {
                return null;
            }

            var key = new LinkKey(from.Id, to.Id, relation);
            if (seen is null && i > 0)
            {
                var order = LinkKey.CompareInFileOrder(previous.FromId, previous.Relation, previous.ToId, key.FromId, key.Relation, key.ToId);
                if (order == 0)
                {
                    return null; // a duplicate
                }

                if (order > 0)
                {
                    seen = [];
                    for (var j = 0; j < i; j++)
                    {
                        seen.Add(LinkKey.Of(links[j]));
                    }
                }
            }

            if (seen is not null && !seen.Add(key))
            {
                return null;
            }

            if (RelationRules.IsSymmetric(relation))
            {
                symmetric ??= [];
                if (symmetric.Contains(new LinkKey(key.ToId, key.FromId, relation)))
                {
                    return null; // the same fact stored both ways
                }

                symmetric.Add(key);
            }

            previous = key;
            links[i] = link;
        }

        return (nodes, links);
    }

    /// <summary>As the validator: blank aliases dropped, the rest trimmed, case-insensitive duplicates dropped.</summary>
    private static string[] Aliases(List<string>? aliases)
    {
        if (aliases is null || aliases.Count == 0)
        {
            return [];
        }

        var clean = true;
        for (var a = 0; a < aliases.Count && clean; a++)
        {
            var alias = aliases[a];
            clean = !string.IsNullOrWhiteSpace(alias) && alias.Length == alias.AsSpan().Trim().Length;
            for (var b = 0; b < a && clean; b++)
            {
                clean = !string.Equals(aliases[b], alias, StringComparison.OrdinalIgnoreCase);
            }
        }

        return clean
            ? [.. aliases]
            : aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
