using RoleGraph.Core.Graph;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// Role similarity from everything the graph says about a role, precomputed once per snapshot. Three facets, each
/// a cosine between L2-normalized sparse vectors:
/// <list type="bullet">
/// <item><b>skills</b>: REQUIRES links weighted importance × level (a missing importance or level counts as 1);</item>
/// <item><b>tools</b>: USES links weighted importance × idf, idf = ln(roles / roles using the tool), so a tool every
/// role uses weighs nothing and a rare one shared says most;</item>
/// <item><b>text</b>: the words (<see cref="TextTokens"/>) of the role's name, aliases and description and of its
/// responsibilities' names and descriptions, weighted (1 + ln tf) × idf.</item>
/// </list>
/// The score is Σ share × cosine over the facets both roles have content in, a share being the facet's weight
/// (<see cref="SimilarityOptions"/>) over the summed weights of those facets; it lies in 0..1 and is symmetric.
/// </summary>
/// <remarks>
/// A facet one of the two roles has nothing in (a role without rated skills, as 137 O*NET occupations are) is left
/// out of their comparison rather than counted as a disagreement: missing data is not evidence of difference, and
/// counting it would push every role with a gap down every other role's list.
/// Skills are not idf-weighted: in a taxonomy that rates every role on the same skills (O*NET) every skill would
/// weigh nothing, while importance and level, which say how much of each a role needs, carry the difference.
/// Ranking one role walks its features' postings (the roles sharing each feature), so it costs the summed
/// posting lengths of its features, not a comparison with every role. Scores are rounded to 12 decimals so that
/// equal scores tie whatever order the sums ran in, and ties are ordered by name, then id.
/// </remarks>
public sealed class RoleSimilarityIndex
{
    /// <summary>Scores are rounded to this many decimals, as <see cref="Algorithms.Similarity"/> rounds its own.</summary>
    public const int ScoreDecimals = 12;

    private readonly int[] _roles;
    private readonly int[] _slotOfNode;
    private readonly FacetVectors[] _facets;
    private readonly int[] _facetMasks; // per slot: bit f set where facet f is in use and the role has content in it
    private readonly double[][] _sharesByMask; // per facet mask: each facet's weight over the mask's summed weights
    private readonly int[] _skillOfFeature; // feature id → node index, for explanations
    private readonly int[] _toolOfFeature;
    private readonly string[] _terms;
    private readonly string[] _termWords;
    private readonly RoleText _text;

    private RoleSimilarityIndex(GraphSnapshot graph, SimilarityOptions options, int[] roles, int[] slotOfNode, FacetVectors[] facets,
        int[] skillOfFeature, int[] toolOfFeature, RoleText text)
    {
        var (terms, termWords) = (text.Terms, text.Words);
        _text = text;
        Graph = graph;
        Options = options;
        _roles = roles;
        _slotOfNode = slotOfNode;
        _facets = facets;
        _skillOfFeature = skillOfFeature;
        _toolOfFeature = toolOfFeature;
        _terms = terms;
        _termWords = termWords;
        _facetMasks = new int[roles.Length];
        for (var slot = 0; slot < roles.Length; slot++)
        {
            for (var f = 0; f < facets.Length; f++)
            {
                _facetMasks[slot] |= facets[f].Share > 0 && facets[f].HasContentFor(slot) ? 1 << f : 0;
            }
        }

        _sharesByMask = new double[1 << facets.Length][];
        for (var mask = 0; mask < _sharesByMask.Length; mask++)
        {
            var total = 0.0;
            for (var f = 0; f < facets.Length; f++)
            {
                total += (mask & (1 << f)) != 0 ? facets[f].Share : 0;
            }

            _sharesByMask[mask] = new double[facets.Length];
            for (var f = 0; f < facets.Length; f++)
            {
                _sharesByMask[mask][f] = (mask & (1 << f)) != 0 && total > 0 ? facets[f].Share / total : 0;
            }
        }
    }

    public GraphSnapshot Graph { get; }

    public SimilarityOptions Options { get; }

    public int RoleCount => _roles.Length;

    /// <summary>Distinct words (stems) of the text facet.</summary>
    public int TermCount => _terms.Length;

    /// <summary>
    /// Each facet's name and share of the score between two roles that both have content in every facet (0 for a
    /// facet turned off or without content anywhere); a pair lacking a facet shares its part among the others.
    /// </summary>
    public IReadOnlyList<(string Facet, double Share)> Shares => _facets.Select(f => (f.Name, f.Share)).ToArray();

    public static RoleSimilarityIndex Build(GraphSnapshot graph, SimilarityOptions options) => Build(graph, options, previous: null);

    /// <summary>
    /// Builds the index of <paramref name="graph"/>, taking the text facet's words from <paramref name="previous"/>
    /// (another snapshot's index, typically the one before a write) where every input of it is the same: the same
    /// roles with the same node objects, responsible for the same responsibility objects. Tokenizing every role's
    /// text is most of a build, and most writes leave it alone. The result is the index a build without
    /// <paramref name="previous"/> makes (the property tests compare them).
    /// </summary>
    public static RoleSimilarityIndex Build(GraphSnapshot graph, SimilarityOptions options, RoleSimilarityIndex? previous)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var roles = graph.OfKind(NodeKind.Role).ToArray();
        var slotOfNode = new int[graph.NodeCount];
        Array.Fill(slotOfNode, -1);
        for (var slot = 0; slot < roles.Length; slot++)
        {
            slotOfNode[roles[slot]] = slot;
        }

        var (skillRows, skillOfFeature) = ItemRows(graph, roles, RelationKind.Requires, idf: false);
        var (toolRows, toolOfFeature) = ItemRows(graph, roles, RelationKind.Uses, idf: true);
        var text = previous is not null && SameTextInputs(previous.Graph, previous._roles, graph, roles) ? previous._text : RoleText.Build(graph, roles);
        FacetVectors[] facets =
        [
            new(SimilarityFacets.Skills, options.SkillsWeight, skillOfFeature.Length, skillRows),
            new(SimilarityFacets.Tools, options.ToolsWeight, toolOfFeature.Length, toolRows),
            new(SimilarityFacets.Text, options.TextWeight, text.Terms.Length, text.Rows),
        ];

        var total = facets.Where(f => f.HasContent).Sum(f => f.Share);
        foreach (var facet in facets)
        {
            facet.Share = facet.HasContent && total > 0 ? facet.Share / total : 0;
        }

        return new RoleSimilarityIndex(graph, options, roles, slotOfNode, facets, skillOfFeature, toolOfFeature, text);
    }

    /// <summary>Whether <see cref="RoleText.Build"/> reads the same things in both graphs: it is a function of these alone.</summary>
    private static bool SameTextInputs(GraphSnapshot before, int[] rolesBefore, GraphSnapshot after, int[] rolesAfter)
    {
        if (rolesBefore.Length != rolesAfter.Length)
        {
            return false;
        }

        for (var slot = 0; slot < rolesAfter.Length; slot++)
        {
            if (!ReferenceEquals(before[rolesBefore[slot]], after[rolesAfter[slot]]))
            {
                return false;
            }

            ReadOnlySpan<Adjacent> a = before.Neighbors(rolesBefore[slot]), b = after.Neighbors(rolesAfter[slot]);
            int i = 0, j = 0;
            while (true)
            {
                while (i < a.Length && !(a[i].Outgoing && a[i].Relation == RelationKind.ResponsibleFor))
                {
                    i++;
                }

                while (j < b.Length && !(b[j].Outgoing && b[j].Relation == RelationKind.ResponsibleFor))
                {
                    j++;
                }

                if (i == a.Length || j == b.Length)
                {
                    if (i != a.Length || j != b.Length)
                    {
                        return false;
                    }

                    break;
                }

                if (!ReferenceEquals(before[a[i].Node], after[b[j].Node]))
                {
                    return false;
                }

                (i, j) = (i + 1, j + 1);
            }
        }

        return true;
    }

    /// <summary>Per role, its items of one relation as (feature ids, weights); features number the items in node order.</summary>
    private static ((int[] Features, double[] Values)[] Rows, int[] ItemOfFeature) ItemRows(GraphSnapshot graph, int[] roles, RelationKind relation, bool idf)
    {
        var featureOfNode = new Dictionary<int, int>();
        var raw = new List<(int Node, double Weight)>[roles.Length];
        for (var slot = 0; slot < roles.Length; slot++)
        {
            var items = new List<(int Node, double Weight)>();
            foreach (var adjacent in graph.Neighbors(roles[slot]))
            {
                if (adjacent.Outgoing && adjacent.Relation == relation)
                {
                    var link = graph.Link(adjacent.Link);
                    // Level says how much of a skill; a tool is used or not, so its level (if a taxonomy gave one) is ignored.
                    var weight = relation == RelationKind.Requires ? link.Weight * (link.Level ?? 1.0) : link.Weight;
                    // Neighbours are sorted by node: a repeated link to one item keeps the heavier weight.
                    if (items.Count > 0 && items[^1].Node == adjacent.Node)
                    {
                        items[^1] = (adjacent.Node, Math.Max(items[^1].Weight, weight));
                    }
                    else
                    {
                        items.Add((adjacent.Node, weight));
                        featureOfNode.TryAdd(adjacent.Node, 0);
                    }
                }
            }

            raw[slot] = items;
        }

        var itemOfFeature = featureOfNode.Keys.Order().ToArray();
        for (var f = 0; f < itemOfFeature.Length; f++)
        {
            featureOfNode[itemOfFeature[f]] = f;
        }

        var frequency = new int[itemOfFeature.Length];
        foreach (var items in raw)
        {
            foreach (var (node, _) in items)
            {
                frequency[featureOfNode[node]]++;
            }
        }

        var rows = new (int[], double[])[roles.Length];
        for (var slot = 0; slot < roles.Length; slot++)
        {
            var items = raw[slot];
            var features = new int[items.Count];
            var values = new double[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                features[i] = featureOfNode[items[i].Node];
                values[i] = items[i].Weight * (idf ? InverseFrequency(roles.Length, frequency[features[i]]) : 1.0);
            }

            rows[slot] = (features, values);
        }

        return (rows, itemOfFeature);
    }

    /// <summary>ln(N / df): 0 for what every role has.</summary>
    internal static double InverseFrequency(int roles, int frequency) => frequency <= 0 ? 0 : Math.Log((double)roles / frequency);

    public bool IsRole(int node) => node >= 0 && node < _slotOfNode.Length && _slotOfNode[node] >= 0;

    /// <summary>The similarity of two roles (0..1), the same number <see cref="Rank"/> gives; 0 where either is not a role.</summary>
    public double Score(int roleA, int roleB)
    {
        if (!IsRole(roleA) || !IsRole(roleB))
        {
            return 0;
        }

        var (a, b) = (_slotOfNode[roleA], _slotOfNode[roleB]);
        var shares = _sharesByMask[_facetMasks[a] & _facetMasks[b]];
        var score = 0.0;
        for (var f = 0; f < _facets.Length; f++)
        {
            if (shares[f] > 0)
            {
                score += shares[f] * _facets[f].Dot(a, b);
            }
        }

        return Math.Round(score, ScoreDecimals);
    }

    /// <summary>The <paramref name="k"/> roles most similar to <paramref name="role"/> with their scores, best first, ties by name then id; only scores above 0.</summary>
    public IReadOnlyList<(int Role, double Score)> Nearest(int role, int k)
    {
        if (k <= 0 || !IsRole(role))
        {
            return [];
        }

        var slot = _slotOfNode[role];
        var dots = new double[_facets.Length][];
        var combined = new double[_roles.Length];
        for (var f = 0; f < _facets.Length; f++)
        {
            if ((_facetMasks[slot] & (1 << f)) != 0)
            {
                dots[f] = new double[_roles.Length];
                _facets[f].AddDots(slot, dots[f]);
            }
        }

        // Summed per role in facet order, as Score sums, so that both round to the same number.
        var candidates = new List<(int Role, double Score)>();
        for (var other = 0; other < _roles.Length; other++)
        {
            if (other == slot)
            {
                continue;
            }

            var shares = _sharesByMask[_facetMasks[slot] & _facetMasks[other]];
            var score = 0.0;
            for (var f = 0; f < _facets.Length; f++)
            {
                if (shares[f] > 0)
                {
                    score += shares[f] * dots[f][other];
                }
            }

            score = Math.Round(score, ScoreDecimals);
            if (score > 0)
            {
                candidates.Add((_roles[other], score));
            }
        }

        var graph = Graph;
        candidates.Sort((x, y) =>
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : graph.CompareByName(x.Role, y.Role);
        });
        if (candidates.Count > k)
        {
            candidates.RemoveRange(k, candidates.Count - k);
        }

        return candidates;
    }

    /// <summary>
    /// <see cref="Nearest"/>, remembered for the life of this index (of its snapshot): career paths ask for the same
    /// roles' nearest again and again, query after query. At most one list per role and k.
    /// </summary>
    public IReadOnlyList<(int Role, double Score)> NearestRemembered(int role, int k) =>
        _nearest.GetOrAdd((role, k), static (key, index) => index.Nearest(key.Role, key.K), this);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Role, int K), IReadOnlyList<(int Role, double Score)>> _nearest = new();

    /// <summary>The <paramref name="first"/> roles most similar to <paramref name="role"/>, explained.</summary>
    public IReadOnlyList<RankedRole> Rank(int role, int first) =>
        Nearest(role, first).Select(n => Explain(role, n.Role, n.Score)).ToArray();

    /// <summary>Why two roles are as similar as they are: facet scores, shared items and words.</summary>
    public RankedRole Explain(int role, int other)
    {
        if (!IsRole(role))
        {
            throw new ArgumentException("Similarity compares two roles.", nameof(role));
        }

        if (!IsRole(other))
        {
            throw new ArgumentException("Similarity compares two roles.", nameof(other));
        }

        return Explain(role, other, Score(role, other));
    }

    private RankedRole Explain(int role, int other, double score)
    {
        var (a, b) = (_slotOfNode[role], _slotOfNode[other]);
        var shares = _sharesByMask[_facetMasks[a] & _facetMasks[b]];
        var facets = new FacetScore[_facets.Length];
        var items = new List<SharedContribution>();
        var terms = new List<SharedTerm>();
        for (var f = 0; f < _facets.Length; f++)
        {
            var facet = _facets[f];
            var dot = facet.HasContent ? facet.Dot(a, b) : 0;
            var share = shares[f];
            facets[f] = new FacetScore(facet.Name, Math.Round(dot, ScoreDecimals), Math.Round(share, ScoreDecimals));
            if (share <= 0)
            {
                continue;
            }

            var shared = facet.Shared(a, b);
            if (facet.Name == SimilarityFacets.Text)
            {
                terms.AddRange(Top(shared, Options.ExplainTerms, (x, y) => string.CompareOrdinal(_terms[x], _terms[y]))
                    .Select(s => new SharedTerm(_terms[s.Feature], _termWords[s.Feature], Math.Round(share * s.Product, ScoreDecimals))));
            }
            else
            {
                var itemOf = facet.Name == SimilarityFacets.Skills ? _skillOfFeature : _toolOfFeature;
                items.AddRange(Top(shared, Options.ExplainItems, (x, y) => Graph.CompareByName(itemOf[x], itemOf[y]))
                    .Select(s => new SharedContribution(itemOf[s.Feature], Graph[itemOf[s.Feature]], facet.Name, Math.Round(share * s.Product, ScoreDecimals))));
            }
        }

        items.Sort((x, y) =>
        {
            var byContribution = y.Contribution.CompareTo(x.Contribution);
            return byContribution != 0 ? byContribution : Graph.CompareByName(x.Item, y.Item);
        });
        return new RankedRole(other, Graph[other], score, facets, items, terms);
    }

    /// <summary>The <paramref name="count"/> largest products, ties by <paramref name="tieBreak"/> on the feature.</summary>
    private static IEnumerable<(int Feature, double Product)> Top(List<(int Feature, double Product)> shared, int count, Comparison<int> tieBreak)
    {
        shared.Sort((x, y) =>
        {
            var byProduct = Math.Round(y.Product, ScoreDecimals).CompareTo(Math.Round(x.Product, ScoreDecimals));
            return byProduct != 0 ? byProduct : tieBreak(x.Feature, y.Feature);
        });
        return shared.Take(count).Where(s => s.Product > 0);
    }
}
