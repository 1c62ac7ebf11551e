using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class RoleOverlapType : ObjectGraphType<RoleOverlap>
{
    public RoleOverlapType()
    {
        Name = "RoleOverlap";
        Description = "What one role of an overlap holds that none of the other compared roles does. Lists are ordered by name.";
        Field<NonNullGraphType<RoleType>>("role").Description("The role.").PlainAccessor(s => s.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillType>>>>("skills").Description("Skills only this role requires.").PlainAccessor(s => s.Skills);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ToolType>>>>("tools").Description("Tools only this role uses.").PlainAccessor(s => s.Tools);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsibilityType>>>>("responsibilities").Description("Responsibilities only this role has.").PlainAccessor(s => s.Responsibilities);
    }
}
