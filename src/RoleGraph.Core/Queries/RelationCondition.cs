using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Core.Queries;

/// <summary>
/// A <see cref="RelationFilter"/> on the links of one relation in one direction (a role's skills: REQUIRES,
/// outgoing), optionally only those reaching nodes of one kind (a category's skills among its members).
/// </summary>
public sealed record RelationCondition(RelationKind Relation, LinkDirection Direction, NodeKind? FarKind, RelationFilter Filter)
{
    public RelationCondition Lowered() => this with { Filter = Filter.Lowered() };
}
