using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class SkillGapType : ObjectGraphType<SkillGapResult>
{
    public SkillGapType()
    {
        Name = "SkillGap";
        Description = "What moving from one role to another asks for: the target's skills and tools, split into missing and carried over.";
        Field<NonNullGraphType<RoleType>>("from").Description("The role moved from.").PlainAccessor(s => s.From);
        Field<NonNullGraphType<RoleType>>("to").Description("The role moved to.").PlainAccessor(s => s.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GapItemType>>>>("missing")
            .Description("The target's skills and tools the source role lacks: importance descending (1 where absent), then name.")
            .PlainAccessor(s => s.Missing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GapItemType>>>>("carriesOver")
            .Description("The target's skills and tools the source role already has, in the same order.")
            .PlainAccessor(s => s.CarriesOver);
        Field<NonNullGraphType<FloatGraphType>>("coverage")
            .Description("The carried-over share of the target's needs, weighted by importance (1 where absent): 0..1; 1 when the target needs nothing.")
            .PlainAccessor(s => s.Coverage);
    }
}
