using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class CareerStepType : ObjectGraphType<CareerStep>
{
    public CareerStepType()
    {
        Name = "CareerStep";
        Description = "One move of a career path: to a similar role, how similar it is, and what the move asks to learn.";
        Field<NonNullGraphType<RoleType>>("from").Description("The role moved from.").PlainAccessor(s => s.From);
        Field<NonNullGraphType<RoleType>>("to").Description("The role moved to.").PlainAccessor(s => s.To);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The similarity of the two roles (as similarRoles scores it): 0..1.").PlainAccessor(s => s.Score);
        Field<NonNullGraphType<SkillGapType>>("gap").Description("The skill gap of the move: the skills and tools to learn, and what carries over.").PlainAccessor(s => s.Gap);
    }
}
