using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Core.Queries;

/// <summary>
/// One page of a node's links of one relation in one direction (optionally only to nodes of one kind), filtered,
/// ordered (by default heaviest first, then by name: <see cref="Graph.LinkOrder"/>) and paged with cursors.
/// </summary>
public sealed record LinkQuery(
    RelationKind Relation,
    LinkDirection Direction,
    NodeKind? FarKind,
    LinkFilter? Filter,
    IReadOnlyList<LinkSort> Order,
    PageRequest Page);
