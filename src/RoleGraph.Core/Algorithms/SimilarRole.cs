using RoleGraph.Core.Algorithms.RoleSimilarity;
using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// A role similar to another: its score (0..1), the skills and tools both hold (by name), and why: the score of each
/// facet, and the shared items and words that contributed most (see <see cref="RoleSimilarityIndex"/>).
/// </summary>
public sealed record SimilarRole(
    GraphNode Role,
    double Score,
    IReadOnlyList<GraphNode> Shared,
    IReadOnlyList<FacetScore> Facets,
    IReadOnlyList<SharedContribution> SharedItems,
    IReadOnlyList<SharedTerm> SharedTerms);
