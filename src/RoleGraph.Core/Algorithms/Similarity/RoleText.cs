using System.Runtime.InteropServices;
using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// The text facet's raw material: per role, TF-IDF weights of the stems of its name, aliases, description and its
/// responsibilities' names and descriptions; the stems in ordinal order (feature ids) and, per stem, the word the
/// taxonomy writes most often for it (ties: ordinal first), for explanations.
/// </summary>
internal sealed class RoleText
{
    private RoleText(string[] terms, string[] words, (int[] Features, double[] Values)[] rows)
    {
        Terms = terms;
        Words = words;
        Rows = rows;
    }

    public string[] Terms { get; }

    public string[] Words { get; }

    public (int[] Features, double[] Values)[] Rows { get; }

    public static RoleText Build(GraphSnapshot graph, int[] roles)
    {
        var builder = new Builder();
        // A responsibility shared by several roles is tokenized once.
        var responsibilityTerms = new Dictionary<int, int[]>();
        var counts = new Dictionary<int, int>[roles.Length];
        var scratch = new List<int>();
        for (var slot = 0; slot < roles.Length; slot++)
        {
            var role = graph[roles[slot]];
            var roleCounts = counts[slot] = [];
            scratch.Clear();
            builder.Add(role.Name, scratch);
            foreach (var alias in role.Aliases)
            {
                builder.Add(alias, scratch);
            }

            builder.Add(role.Description, scratch);
            Count(CollectionsMarshal.AsSpan(scratch), roleCounts);

            var previous = -1;
            foreach (var adjacent in graph.Neighbors(roles[slot]))
            {
                if (adjacent.Outgoing && adjacent.Relation == RelationKind.ResponsibleFor && adjacent.Node != previous)
                {
                    previous = adjacent.Node;
                    if (!responsibilityTerms.TryGetValue(adjacent.Node, out var ownTerms))
                    {
                        scratch.Clear();
                        builder.Add(graph[adjacent.Node].Name, scratch);
                        builder.Add(graph[adjacent.Node].Description, scratch);
                        ownTerms = scratch.ToArray();
                        responsibilityTerms.Add(adjacent.Node, ownTerms);
                    }

                    Count(ownTerms, roleCounts);
                }
            }
        }

        // Feature ids in ordinal order of the stems: independent of the order the text was read in.
        var stems = builder.Stems;
        var order = Enumerable.Range(0, stems.Count).ToArray();
        Array.Sort(order, (x, y) => string.CompareOrdinal(stems[x], stems[y]));
        var featureOf = new int[stems.Count];
        for (var f = 0; f < order.Length; f++)
        {
            featureOf[order[f]] = f;
        }

        var frequency = new int[stems.Count];
        foreach (var roleCounts in counts)
        {
            foreach (var stem in roleCounts.Keys)
            {
                frequency[featureOf[stem]]++;
            }
        }

        var rows = new (int[], double[])[roles.Length];
        for (var slot = 0; slot < roles.Length; slot++)
        {
            var entries = counts[slot].Select(kv => (Feature: featureOf[kv.Key], Count: kv.Value)).OrderBy(e => e.Feature).ToArray();
            var features = new int[entries.Length];
            var values = new double[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                features[i] = entries[i].Feature;
                values[i] = (1 + Math.Log(entries[i].Count)) * RoleSimilarityIndex.InverseFrequency(roles.Length, frequency[features[i]]);
            }

            rows[slot] = (features, values);
        }

        var terms = order.Select(s => stems[s]).ToArray();
        var words = order.Select(builder.WordFor).ToArray();
        return new RoleText(terms, words, rows);
    }

    private static void Count(ReadOnlySpan<int> stems, Dictionary<int, int> counts)
    {
        foreach (var stem in stems)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, stem, out _)++;
        }
    }

    /// <summary>Numbers stems and remembers how often each written word occurs, one string per distinct word.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
        private readonly List<int> _stemOfWord = [];
        private readonly List<int> _wordCounts = [];
        private readonly List<string> _wordTexts = [];

        public List<string> Stems { get; } = [];

        public void Add(string? text, List<int> into)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> word = stackalloc char[TextTokens.MaxWordLength];
            var position = 0;
            for (var length = TextTokens.Next(text, ref position, word); length > 0; length = TextTokens.Next(text, ref position, word))
            {
                if (!wordLookup.TryGetValue(word[..length], out var id))
                {
                    var written = new string(word[..length]);
                    var stem = new string(word[..TextTokens.Stem(word[..length])]);
                    if (!_stems.TryGetValue(stem, out var stemId))
                    {
                        stemId = Stems.Count;
                        _stems.Add(stem, stemId);
                        Stems.Add(stem);
                    }

                    id = _wordTexts.Count;
                    _words.Add(written, id);
                    _wordTexts.Add(written);
                    _stemOfWord.Add(stemId);
                    _wordCounts.Add(0);
                }

                _wordCounts[id]++;
                into.Add(_stemOfWord[id]);
            }
        }

        public string WordFor(int stem)
        {
            _best ??= BestWords();
            return _best[stem];
        }

        private string[]? _best;

        private string[] BestWords()
        {
            var best = new string[Stems.Count];
            var bestCount = new int[Stems.Count];
            for (var w = 0; w < _wordTexts.Count; w++)
            {
                var (stem, count, text) = (_stemOfWord[w], _wordCounts[w], _wordTexts[w]);
                if (count > bestCount[stem] || (count == bestCount[stem] && string.CompareOrdinal(text, best[stem]) < 0))
                {
                    (best[stem], bestCount[stem]) = (text, count);
                }
            }

            return best;
        }
    }
}
