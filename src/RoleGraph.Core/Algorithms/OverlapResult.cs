using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// What a set of roles shares (linked by every one of them) and what each holds alone (linked by it and by
/// no other role of the set), with the Jaccard index |shared| / |union| over the chosen kinds.
/// </summary>
public sealed record OverlapResult(
    IReadOnlyList<GraphNode> Roles,
    IReadOnlyList<NodeKind> Kinds,
    IReadOnlyList<GraphNode> Skills,
    IReadOnlyList<GraphNode> Tools,
    IReadOnlyList<GraphNode> Responsibilities,
    IReadOnlyList<RoleOverlap> PerRole,
    double Jaccard);
