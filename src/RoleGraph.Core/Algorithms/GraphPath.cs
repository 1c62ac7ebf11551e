using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>A path through the graph: its nodes in order and the link crossed at each step.</summary>
public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<PathStep> Steps)
{
    public int Length => Steps.Count;
}
