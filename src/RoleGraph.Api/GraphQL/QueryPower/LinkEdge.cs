using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>One link of a page with its cursor.</summary>
internal sealed record LinkEdge(string Cursor, LinkedNode Linked);
