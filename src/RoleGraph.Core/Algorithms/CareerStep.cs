using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>One move of a career path: from a role to a similar one, how similar, and what the move asks to learn.</summary>
public sealed record CareerStep(GraphNode From, GraphNode To, double Score, SkillGapResult Gap);
