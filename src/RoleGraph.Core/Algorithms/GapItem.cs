using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>A skill or tool of the target role, with the importance and level the target asks for.</summary>
public sealed record GapItem(GraphNode Node, double? Importance, double? Level);
