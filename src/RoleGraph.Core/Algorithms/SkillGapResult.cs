using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// Moving from one role to another: the target's skills and tools the source lacks, those that carry over,
/// and coverage, the carried-over share of the target's total weight (importance, 1 where absent).
/// </summary>
public sealed record SkillGapResult(GraphNode From, GraphNode To, IReadOnlyList<GapItem> Missing, IReadOnlyList<GapItem> CarriesOver, double Coverage);
