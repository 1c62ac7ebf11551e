using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// A sequence of roles from one to another, each step to a similar role. Score is the product of the step scores
/// (1 for the path of no steps from a role to itself).
/// </summary>
public sealed record CareerPath(IReadOnlyList<GraphNode> Roles, IReadOnlyList<CareerStep> Steps, double Score)
{
    public int Length => Steps.Count;
}
