using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// A path through the graph: its nodes in order, the link crossed at each step, and its relevance score in 0..1
/// (how specific and how heavy what it goes through is; see <see cref="ShortestPaths"/> for the formula).
/// </summary>
public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<PathStep> Steps, double Score)
{
    public int Length => Steps.Count;
}
