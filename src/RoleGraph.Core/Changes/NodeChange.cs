using RoleGraph.Core.Model;

namespace RoleGraph.Core.Changes;

/// <summary>A node a write created, updated or deleted.</summary>
public sealed record NodeChange(string Id, NodeKind Kind, ChangeKind Change);
