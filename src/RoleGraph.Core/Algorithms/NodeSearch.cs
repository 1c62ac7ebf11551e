using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Case-insensitive search on names and aliases, ranked exact > prefix > token (a later word starts with the
/// text) > substring; within a rank, a match on the name beats one on an alias, then by name and id.
/// </summary>
public static class NodeSearch
{
    public static IReadOnlyList<SearchHit> Find(GraphSnapshot graph, string text, IReadOnlyCollection<NodeKind>? kinds, int first)
    {
        var needle = text.Trim().ToLowerInvariant();
        var hits = new List<(int Node, SearchMatch Match, bool OnAlias, string Text)>();
        var kindList = kinds is null || kinds.Count == 0 ? Enum.GetValues<NodeKind>() : kinds.Distinct().ToArray();

        if (!needle.Contains(SearchText.Separator, StringComparison.Ordinal))
        {
            // One vectorized scan of every name and alias; only the nodes it hits are classified.
            var wanted = new bool[Enum.GetValues<NodeKind>().Length];
            foreach (var kind in kindList)
            {
                wanted[(int)kind] = true;
            }

            var index = graph.SearchText;
            var buffer = index.Text.AsSpan();
            for (var position = 0; position < buffer.Length;)
            {
                var at = buffer[position..].IndexOf(needle, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var node = index.NodeAt(position + at);
                position = index.NodeStart[node + 1];
                if (wanted[(int)graph[node].Kind])
                {
                    Consider(node);
                }
            }
        }
        else
        {
            foreach (var kind in kindList)
            {
                foreach (var node in graph.OfKind(kind))
                {
                    Consider(node);
                }
            }
        }

        void Consider(int node)
        {
            var best = Classify(graph.LowerName(node), needle);
            var matched = graph[node].Name;
            var onAlias = false;
            var aliases = graph.LowerAliases(node);
            for (var a = 0; a < aliases.Count && best != SearchMatch.Exact; a++)
            {
                var match = Classify(aliases[a], needle);
                if (match < best)
                {
                    (best, matched, onAlias) = (match, graph[node].Aliases[a], true);
                }
            }

            if (best != NoMatch)
            {
                hits.Add((node, best, onAlias, matched));
            }
        }

        hits.Sort((x, y) =>
        {
            var c = x.Match.CompareTo(y.Match);
            if (c != 0)
            {
                return c;
            }

            c = x.OnAlias.CompareTo(y.OnAlias);
            return c != 0 ? c : graph.CompareByName(x.Node, y.Node);
        });

        return hits.Take(first).Select(h => new SearchHit(graph[h.Node], h.Match, h.Text)).ToArray();
    }

    private const SearchMatch NoMatch = (SearchMatch)int.MaxValue;

    internal static SearchMatch Classify(string candidate, string needle)
    {
        if (candidate.Length == needle.Length)
        {
            return candidate.Equals(needle, StringComparison.Ordinal) ? SearchMatch.Exact : NoMatch;
        }

        var at = candidate.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return NoMatch;
        }

        if (at == 0)
        {
            return SearchMatch.Prefix;
        }

        // Any later occurrence at a word start makes it a token match, even if the first occurrence is mid-word.
        for (; at > 0; at = candidate.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(candidate[at - 1]))
            {
                return SearchMatch.Token;
            }
        }

        return SearchMatch.Substring;
    }
}
