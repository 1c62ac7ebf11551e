using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Nodes;

/// <summary>A role's link to a skill or tool, with both ends resolved, so one type serves both directions.</summary>
internal sealed record RoleLink(GraphNode Role, GraphNode Item, GraphLink Link);
