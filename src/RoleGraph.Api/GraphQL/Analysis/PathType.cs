using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

public sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "A path through the graph from one node to another.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of steps (links crossed).").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The nodes along the path, from start to end.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps")
            .Description("The steps, in order; step i goes from nodes[i] to nodes[i+1].")
            .Resolve(c => c.Source.Steps.Select((step, i) => new PathStepView(c.Source.Nodes[i], c.Source.Nodes[i + 1], step)));
    }
}
