using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class GapItemType : ObjectGraphType<GapItem>
{
    public GapItemType()
    {
        Name = "GapItem";
        Description = "A skill or tool the target role needs, with the importance and level it asks for.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The skill or tool.").PlainAccessor(s => s.Node);
        Field<NonNullGraphType<NodeKindType>>("kind").Description("SKILL or TOOL.").PlainAccessor(g => g.Node.Kind);
        Field<FloatGraphType>("importance").Description("Its importance to the target role, 0..1, where known.").PlainAccessor(g => g.Importance);
        Field<FloatGraphType>("level").Description("The level the target role needs, 0..1, where known (skills only).").PlainAccessor(g => g.Level);
    }
}
