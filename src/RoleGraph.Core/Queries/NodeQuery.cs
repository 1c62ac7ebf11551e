using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>A page of nodes of one kind, filtered and ordered.</summary>
public sealed record NodeQuery(NodeKind Kind, NodeFilter? Filter, IReadOnlyList<NodeSort> Order, PageRequest Page);
