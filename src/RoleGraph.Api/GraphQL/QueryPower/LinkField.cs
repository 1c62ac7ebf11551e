using System.Diagnostics.CodeAnalysis;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// A relation field of a node type (a role's skills): its name in filters and connections, the links it reads, and
/// the (non-null) connection type it pages them with, null where the list has no connection. The type is named whole,
/// not made at run time: the published service is compiled ahead of time and keeps only the types its code names.
/// </summary>
internal sealed record LinkField(
    string Name,
    RelationKind Relation,
    LinkDirection Direction,
    NodeKind? FarKind,
    [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    [param: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    Type? ConnectionType,
    string Description);
