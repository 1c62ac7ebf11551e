using RoleGraph.Core.Model;

namespace RoleGraph.Core.Queries;

/// <summary>
/// One item of a facet: how many of the roles hold it, that count as a share of the roles, and its importance
/// across them (null when no link to it carries one).
/// </summary>
public sealed record ItemFacet(GraphNode Node, int RoleCount, double Share, NumberStats? Importance);
