using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class PathStepType : ObjectGraphType<PathStepView>
{
    public PathStepType()
    {
        Name = "PathStep";
        Description = "One step of a path: the link crossed between two consecutive nodes.";
        Field<NonNullGraphType<NodeInterface>>("from").Description("The node the step leaves.").PlainAccessor(s => s.From);
        Field<NonNullGraphType<NodeInterface>>("to").Description("The node the step reaches.").PlainAccessor(s => s.To);
        Field<NonNullGraphType<RelationKindType>>("relation").Description("The relation of the link crossed.").PlainAccessor(s => s.Step.Relation);
        Field<NonNullGraphType<BooleanGraphType>>("forward")
            .Description("True when the stored link points from `from` to `to`; false when the step walks it backwards (traversal ignores direction).")
            .PlainAccessor(s => s.Step.Forward);
    }
}
