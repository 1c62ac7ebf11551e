using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Mutations;

/// <summary>A link with both ends resolved, as the link mutation answers it.</summary>
internal sealed record LinkView(GraphNode From, GraphNode To, GraphLink Link);
