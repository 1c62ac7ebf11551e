using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>The items one role of an overlap holds and none of the other roles does.</summary>
public sealed record RoleOverlap(GraphNode Role, IReadOnlyList<GraphNode> Skills, IReadOnlyList<GraphNode> Tools, IReadOnlyList<GraphNode> Responsibilities);
