using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Description = "A path through the graph from one node to another.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance, 0..1: the mean over the nodes between the ends of specificity × the mean weight of the two links through the node, "
                + "where specificity = ln((R+1)/(r+1)) / ln(R+1), R the number of roles and r the roles holding the node; 1 with nothing in between.")
            .PlainAccessor(s => s.Score);
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of steps (links crossed).").PlainAccessor(s => s.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The nodes along the path, from start to end.").PlainAccessor(s => s.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps")
            .Description("The steps, in order; step i goes from nodes[i] to nodes[i+1].")
            .Resolve(c => c.Source.Steps.Select((step, i) => new PathStepView(c.Source.Nodes[i], c.Source.Nodes[i + 1], step)));
    }
}
