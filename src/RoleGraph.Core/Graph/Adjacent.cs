using RoleGraph.Core.Model;

namespace RoleGraph.Core.Graph;

/// <summary>
/// One entry of a node's adjacency: the node at the other end, the relation, whether the stored link points
/// away from this node, and the link's position in the snapshot's link table (for its weights).
/// </summary>
public readonly record struct Adjacent(int Node, RelationKind Relation, bool Outgoing, int Link);
