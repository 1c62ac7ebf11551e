using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>A role similar to another, with its weighted Jaccard score and the skills and tools both hold.</summary>
public sealed record SimilarRole(GraphNode Role, double Score, IReadOnlyList<GraphNode> Shared);
