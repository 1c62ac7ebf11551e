using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// A relation field of a node type (a role's skills): its name in filters and connections, the links it reads, and
/// the connection type it pages them with (null where the list has no connection).
/// </summary>
internal sealed record LinkField(string Name, RelationKind Relation, LinkDirection Direction, NodeKind? FarKind, Type? ConnectionType, string Description);
