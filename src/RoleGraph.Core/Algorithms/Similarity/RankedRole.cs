using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms.RoleSimilarity;

/// <summary>
/// A role similar to another: its score (0..1), the score per facet, and the shared items and words that
/// contributed most, most first (ties by name, then id).
/// </summary>
public sealed record RankedRole(
    int Role,
    GraphNode Node,
    double Score,
    IReadOnlyList<FacetScore> Facets,
    IReadOnlyList<SharedContribution> SharedItems,
    IReadOnlyList<SharedTerm> SharedTerms);
