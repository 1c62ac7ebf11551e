using RoleGraph.Core.Model;

namespace RoleGraph.Core.Algorithms;

/// <summary>
/// One step of a path, from one node to the next. Forward tells whether the stored link points the same way
/// (traversal ignores direction, so a step may walk a link backwards).
/// </summary>
public sealed record PathStep(string FromId, string ToId, RelationKind Relation, bool Forward);
