using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class CategoryType : NodeGraphType, IListedNodeType
{
    public static string TypeName => "Category";

    public static string ListName => "Categories";

    public static NodeKind Kind => NodeKind.Category;

    public CategoryType()
        : base(Kind, TypeName, "A category grouping skills and tools; categories nest through SUBCATEGORY_OF.")
    {
        LinkedNodes<NodeInterface>("members", "The skills and tools directly in this category, by name.", RelationKind.InCategory, LinkDirection.Incoming);
        LinkedNodes<SkillType>("skills", "The skills directly in this category, by name.", RelationKind.InCategory, LinkDirection.Incoming, NodeKind.Skill);
        LinkedNodes<ToolType>("tools", "The tools directly in this category, by name.", RelationKind.InCategory, LinkDirection.Incoming, NodeKind.Tool);
        LinkedNodes<CategoryType>("subcategories", "The categories directly beneath this one, by name.", RelationKind.SubcategoryOf, LinkDirection.Incoming);
        LinkedNodes<CategoryType>("parents", "The categories this one is directly beneath, by name.", RelationKind.SubcategoryOf, LinkDirection.Outgoing);
    }
}
