using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class RoleSkillType : ObjectGraphType<RoleLink>
{
    public RoleSkillType()
    {
        Name = "RoleSkill";
        Description = "A role's requirement of a skill (Role -REQUIRES-> Skill), seen from either end.";
        Field<NonNullGraphType<RoleType>>("role").Description("The role that requires the skill.").PlainAccessor(l => l.Role);
        Field<NonNullGraphType<SkillType>>("skill").Description("The skill the role requires.").PlainAccessor(l => l.Item);
        Field<FloatGraphType>("importance").Description("How important the skill is to the role, 0..1; null where the taxonomy does not say.").PlainAccessor(l => l.Link.Importance);
        Field<FloatGraphType>("level").Description("The level of the skill the role needs, 0..1; null where the taxonomy does not say.").PlainAccessor(l => l.Link.Level);
    }
}
