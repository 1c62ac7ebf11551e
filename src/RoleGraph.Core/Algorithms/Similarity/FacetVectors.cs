namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// One facet's L2-normalized sparse vectors: by role (rows, feature ids ascending) for merges, and by feature
/// (postings, role slots ascending) so that ranking one role against all touches only the roles sharing a feature.
/// </summary>
internal sealed class FacetVectors
{
    private readonly int[] _rowStart;
    private readonly int[] _rowFeatures;
    private readonly double[] _rowValues;
    private readonly int[] _postingStart;
    private readonly int[] _postingSlots;
    private readonly double[] _postingValues;

    /// <param name="rows">Per role slot, its features (ascending, distinct) and raw weights; zero weights are dropped.</param>
    public FacetVectors(string name, double share, int featureCount, IReadOnlyList<(int[] Features, double[] Values)> rows)
    {
        Name = name;
        Share = share;
        FeatureCount = featureCount;
        _rowStart = new int[rows.Count + 1];
        var nonZero = 0;
        foreach (var (_, values) in rows)
        {
            foreach (var v in values)
            {
                nonZero += v != 0 ? 1 : 0;
            }
        }

        _rowFeatures = new int[nonZero];
        _rowValues = new double[nonZero];
        var postingCounts = new int[featureCount + 1];
        var at = 0;
        for (var slot = 0; slot < rows.Count; slot++)
        {
            var (features, values) = rows[slot];
            var norm = 0.0;
            foreach (var v in values)
            {
                norm += v * v;
            }

            norm = Math.Sqrt(norm);
            _rowStart[slot] = at;
            for (var i = 0; i < features.Length; i++)
            {
                if (values[i] != 0)
                {
                    _rowFeatures[at] = features[i];
                    _rowValues[at++] = values[i] / norm;
                    postingCounts[features[i] + 1]++;
                }
            }

            if (at > _rowStart[slot])
            {
                HasContent = true;
            }
        }

        _rowStart[rows.Count] = at;
        _postingStart = new int[featureCount + 1];
        for (var f = 0; f < featureCount; f++)
        {
            _postingStart[f + 1] = _postingStart[f] + postingCounts[f + 1];
        }

        // Rows are visited in slot order, so each feature's postings come out sorted by slot.
        var fill = _postingStart[..featureCount];
        _postingSlots = new int[nonZero];
        _postingValues = new double[nonZero];
        for (var slot = 0; slot < rows.Count; slot++)
        {
            for (var i = _rowStart[slot]; i < _rowStart[slot + 1]; i++)
            {
                var p = fill[_rowFeatures[i]]++;
                _postingSlots[p] = slot;
                _postingValues[p] = _rowValues[i];
            }
        }
    }

    public string Name { get; }

    /// <summary>The facet's part of the score: its weight over the summed weights of the facets in use.</summary>
    public double Share { get; set; }

    public int FeatureCount { get; }

    /// <summary>Whether any role has a non-zero vector here; a facet without content takes no share.</summary>
    public bool HasContent { get; }

    /// <summary>Whether the role in <paramref name="slot"/> has anything in this facet.</summary>
    public bool HasContentFor(int slot) => _rowStart[slot + 1] > _rowStart[slot];

    public ReadOnlySpan<int> Features(int slot) => _rowFeatures.AsSpan(_rowStart[slot], _rowStart[slot + 1] - _rowStart[slot]);

    public ReadOnlySpan<double> Values(int slot) => _rowValues.AsSpan(_rowStart[slot], _rowStart[slot + 1] - _rowStart[slot]);

    /// <summary>
    /// Adds the dot product of the role in <paramref name="slot"/> with every role into <paramref name="dots"/>,
    /// in the order of the role's features, the order <see cref="Dot"/> sums in, so both give the same bits.
    /// </summary>
    public void AddDots(int slot, Span<double> dots)
    {
        for (var i = _rowStart[slot]; i < _rowStart[slot + 1]; i++)
        {
            var feature = _rowFeatures[i];
            var value = _rowValues[i];
            for (var p = _postingStart[feature]; p < _postingStart[feature + 1]; p++)
            {
                dots[_postingSlots[p]] += value * _postingValues[p];
            }
        }
    }

    public double Dot(int slotA, int slotB)
    {
        ReadOnlySpan<int> fa = Features(slotA), fb = Features(slotB);
        ReadOnlySpan<double> va = Values(slotA), vb = Values(slotB);
        var dot = 0.0;
        for (int i = 0, j = 0; i < fa.Length && j < fb.Length;)
        {
            if (fa[i] < fb[j])
            {
                i++;
            }
            else if (fa[i] > fb[j])
            {
                j++;
            }
            else
            {
                dot += va[i++] * vb[j++];
            }
        }

        return dot;
    }

    /// <summary>The features both roles have, each with the product of their normalized weights.</summary>
    public List<(int Feature, double Product)> Shared(int slotA, int slotB)
    {
        ReadOnlySpan<int> fa = Features(slotA), fb = Features(slotB);
        ReadOnlySpan<double> va = Values(slotA), vb = Values(slotB);
        var shared = new List<(int, double)>();
        for (int i = 0, j = 0; i < fa.Length && j < fb.Length;)
        {
            if (fa[i] < fb[j])
            {
                i++;
            }
            else if (fa[i] > fb[j])
            {
                j++;
            }
            else
            {
                shared.Add((fa[i], va[i++] * vb[j++]));
            }
        }

        return shared;
    }
}
