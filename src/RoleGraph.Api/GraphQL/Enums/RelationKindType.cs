using GraphQL.Types;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Enums;

internal sealed class RelationKindType : EnumerationGraphType<RelationKind>
{
    public RelationKindType()
    {
        Name = "RelationKind";
        Description = "The relationship types of the role graph. Links are stored directed and traversable both ways.";
        Describe("REQUIRES", "Role -> Skill, with optional importance and level in 0..1.");
        Describe("USES", "Role -> Tool, with optional importance in 0..1.");
        Describe("RESPONSIBLE_FOR", "Role -> Responsibility.");
        Describe("SUPPORTS", "Tool -> Skill: the tool is a means to practise the skill.");
        Describe("IN_CATEGORY", "Skill or Tool -> Category.");
        Describe("SUBCATEGORY_OF", "Category -> parent Category.");
        Describe("RELATED_TO", "Skill -> Skill: an association between skills, stored once, meant both ways.");
    }

    private void Describe(string value, string description) => Values[value]!.Description = description;
}
