using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// The relation fields of each node kind: what the kind's filter input can test (<c>skills: { some: ... }</c>) and
/// which <c>...Connection</c> fields its type gets, beside the unchanged list fields of the same names.
/// </summary>
internal static class LinkFields
{
    private const LinkDirection Out = LinkDirection.Outgoing;
    private const LinkDirection In = LinkDirection.Incoming;

    private static readonly Dictionary<NodeKind, LinkField[]> ByKind = new()
    {
        [NodeKind.Role] =
        [
            new("skills", RelationKind.Requires, Out, null, typeof(NonNullGraphType<LinkConnectionType<SkillType>>), "the skills the role requires (REQUIRES)"),
            new("tools", RelationKind.Uses, Out, null, typeof(NonNullGraphType<LinkConnectionType<ToolType>>), "the tools the role uses (USES)"),
            new("responsibilities", RelationKind.ResponsibleFor, Out, null, typeof(NonNullGraphType<LinkConnectionType<ResponsibilityType>>), "the role's responsibilities (RESPONSIBLE_FOR)"),
        ],
        [NodeKind.Skill] =
        [
            new("roles", RelationKind.Requires, In, null, typeof(NonNullGraphType<LinkConnectionType<RoleType>>), "the roles that require the skill (REQUIRES)"),
            new("tools", RelationKind.Supports, In, null, typeof(NonNullGraphType<LinkConnectionType<ToolType>>), "the tools that support the skill (SUPPORTS)"),
            new("categories", RelationKind.InCategory, Out, null, typeof(NonNullGraphType<LinkConnectionType<CategoryType>>), "the categories the skill is in (IN_CATEGORY)"),
        ],
        [NodeKind.Tool] =
        [
            new("roles", RelationKind.Uses, In, null, typeof(NonNullGraphType<LinkConnectionType<RoleType>>), "the roles that use the tool (USES)"),
            new("supports", RelationKind.Supports, Out, null, typeof(NonNullGraphType<LinkConnectionType<SkillType>>), "the skills the tool supports (SUPPORTS)"),
            new("categories", RelationKind.InCategory, Out, null, typeof(NonNullGraphType<LinkConnectionType<CategoryType>>), "the categories the tool is in (IN_CATEGORY)"),
        ],
        [NodeKind.Responsibility] =
        [
            new("roles", RelationKind.ResponsibleFor, In, null, typeof(NonNullGraphType<LinkConnectionType<RoleType>>), "the roles responsible for it (RESPONSIBLE_FOR)"),
        ],
        [NodeKind.Category] =
        [
            new("members", RelationKind.InCategory, In, null, null, "the skills and tools directly in the category (IN_CATEGORY)"),
            new("skills", RelationKind.InCategory, In, NodeKind.Skill, typeof(NonNullGraphType<LinkConnectionType<SkillType>>), "the skills directly in the category (IN_CATEGORY)"),
            new("tools", RelationKind.InCategory, In, NodeKind.Tool, typeof(NonNullGraphType<LinkConnectionType<ToolType>>), "the tools directly in the category (IN_CATEGORY)"),
            new("subcategories", RelationKind.SubcategoryOf, In, null, typeof(NonNullGraphType<LinkConnectionType<CategoryType>>), "the categories directly beneath it (SUBCATEGORY_OF)"),
            new("parents", RelationKind.SubcategoryOf, Out, null, typeof(NonNullGraphType<LinkConnectionType<CategoryType>>), "the categories it is directly beneath (SUBCATEGORY_OF)"),
        ],
    };

    public static IReadOnlyList<LinkField> Of(NodeKind kind) => ByKind[kind];
}
