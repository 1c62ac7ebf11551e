using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Enums;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Algorithms;

namespace RoleGraph.Api.GraphQL.Analysis;

internal sealed class OverlapType : ObjectGraphType<OverlapResult>
{
    public OverlapType()
    {
        Name = "Overlap";
        Description = "What 2 to 10 roles have in common, and what each holds alone. Lists are ordered by name.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles").Description("The compared roles, in the order asked.").PlainAccessor(s => s.Roles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeKindType>>>>("kinds").Description("The kinds compared.").PlainAccessor(s => s.Kinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillType>>>>("skills").Description("Skills every one of the roles requires.").PlainAccessor(s => s.Skills);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ToolType>>>>("tools").Description("Tools every one of the roles uses.").PlainAccessor(s => s.Tools);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsibilityType>>>>("responsibilities").Description("Responsibilities every one of the roles has.").PlainAccessor(s => s.Responsibilities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleOverlapType>>>>("perRole").Description("For each role, in the order asked, what it holds and none of the other roles does.").PlainAccessor(s => s.PerRole);
        Field<NonNullGraphType<FloatGraphType>>("jaccard").Description("|shared| / |union| over the compared kinds, 0..1 (0 when the roles hold nothing of those kinds).").PlainAccessor(s => s.Jaccard);
    }
}
