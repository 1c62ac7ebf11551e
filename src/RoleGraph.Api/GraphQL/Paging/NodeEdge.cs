using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Paging;

/// <summary>One item of a page with its cursor.</summary>
internal sealed record NodeEdge(string Cursor, GraphNode Node);
