using RoleGraph.Core.Model;

namespace RoleGraph.Core.Store;

/// <summary>A node reached over a link, with that link (for its importance and level).</summary>
public sealed record LinkedNode(GraphNode Node, GraphLink Link);
