using RoleGraph.Core.Model;

namespace RoleGraph.Core.Changes;

/// <summary>A link a write created, updated or deleted.</summary>
public sealed record LinkChange(string FromId, string ToId, RelationKind Relation, ChangeKind Change);
