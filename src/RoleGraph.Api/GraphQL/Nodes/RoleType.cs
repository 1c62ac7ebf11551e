using RoleGraph.Api.GraphQL.Paging;
using GraphQL;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Analysis;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class RoleType : NodeGraphType, IListedNodeType
{
    public static string TypeName => "Role";

    public static string ListName => "Roles";

    public static NodeKind Kind => NodeKind.Role;

    public RoleType()
        : base(Kind, TypeName, "A job role, such as Machine Learning Engineer or Data Scientist.")
    {
        Field<StringGraphType>("primaryFocus")
            .Description("What the role is primarily focused on, where the taxonomy says.")
            .Resolve(c => c.Source.Property(WellKnownProperties.PrimaryFocus));
        RoleLinks<RoleSkillType>("skills", "The skills the role requires, most important first (importance 1 where absent), then by name.", RelationKind.Requires, LinkDirection.Outgoing);
        RoleLinks<RoleToolType>("tools", "The tools the role uses, most important first (importance 1 where absent), then by name.", RelationKind.Uses, LinkDirection.Outgoing);
        LinkedNodes<ResponsibilityType>("responsibilities", "The responsibilities of the role, by name.", RelationKind.ResponsibleFor, LinkDirection.Outgoing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarRoleType>>>>("similar")
            .Description("The roles most similar to this one; the same ranking as the root field similarRoles.")
            .Argument<NonNullGraphType<IntGraphType>>("first", "How many roles to return, 1..100.", a => a.DefaultValue = 5)
            .Resolve(c => c.SimilarRoles().Load(c.Source.Id, c.GetArgument<int>("first")));
    }
}
