using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>
/// One page of a node list: the nodes with their offsets in the whole filtered list (the cursors encode them),
/// the size of that list, and whether items lie beyond the page on either side.
/// </summary>
public sealed record NodePage(IReadOnlyList<GraphNode> Nodes, int StartOffset, int TotalCount, bool HasPreviousPage, bool HasNextPage);
