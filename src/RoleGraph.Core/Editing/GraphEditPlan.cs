using RoleGraph.Core.Model;

namespace RoleGraph.Core.Editing;

/// <summary>A planned edit: the graph afterwards, the changes that lead there, and their counts.</summary>
public sealed record GraphEditPlan(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphLink> Links, GraphChangeSet Changes, ChangeCounts NodeCounts, ChangeCounts LinkCounts)
{
    public EditReport Report(bool dryRun) => new(NodeCounts, LinkCounts, dryRun);
}
