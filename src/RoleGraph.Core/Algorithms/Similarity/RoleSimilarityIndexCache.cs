using System.Runtime.CompilerServices;
using RoleGraph.Core.Graph;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// One <see cref="RoleSimilarityIndex"/> per snapshot, built on first use and dropped with its snapshot. Snapshots
/// are immutable and replaced on every write, so the snapshot itself is the key: no invalidation to get wrong.
/// </summary>
/// <remarks>
/// Concurrent first queries on a new snapshot build once (the others wait on the same <see cref="Lazy{T}"/>); the
/// weak table lets an old snapshot and its index be collected once no reader holds the snapshot (the one index kept
/// for reuse holds its snapshot until the next one replaces it).
/// </remarks>
public sealed class RoleSimilarityIndexCache(SimilarityOptions options)
{
    private readonly ConditionalWeakTable<GraphSnapshot, Lazy<RoleSimilarityIndex>> _indexes = new();

    public SimilarityOptions Options { get; } = Validated(options);

    public RoleSimilarityIndex For(GraphSnapshot graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = _indexes.GetValue(graph, g => new Lazy<RoleSimilarityIndex>(() => RoleSimilarityIndex.Build(g, Options, Volatile.Read(ref _latest)))).Value;
        Volatile.Write(ref _latest, index);
        return index;
    }

    /// <summary>The index made or asked for last: a write usually leaves its text facet as it is, so the next build reuses it.</summary>
    private RoleSimilarityIndex? _latest;

    private static SimilarityOptions Validated(SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
