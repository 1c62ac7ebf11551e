using RoleGraph.Core.Model;

namespace RoleGraph.Core.Editing;

/// <summary>
/// The resolved changes of a planned edit: every node and link to write (created or updated) and every key to
/// delete, with cascades already expanded. Applying it needs no further decisions, so a store can replay it
/// (the embedded store's journal) or send it as batched statements (Neo4j).
/// </summary>
public sealed record GraphChangeSet(
    IReadOnlyList<GraphNode> WriteNodes,
    IReadOnlyList<string> DeleteNodes,
    IReadOnlyList<GraphLink> WriteLinks,
    IReadOnlyList<LinkKey> DeleteLinks)
{
    public bool IsEmpty => WriteNodes.Count + DeleteNodes.Count + WriteLinks.Count + DeleteLinks.Count == 0;
}
