using RoleGraph.Core.Algorithms;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Analysis;

/// <summary>A path step with its end nodes resolved, as the schema shows it.</summary>
internal sealed record PathStepView(GraphNode From, GraphNode To, PathStep Step);
