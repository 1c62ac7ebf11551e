using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class ToolType : NodeGraphType, IListedNodeType
{
    public static string TypeName => "Tool";

    public static string ListName => "Tools";

    public static NodeKind Kind => NodeKind.Tool;

    public ToolType()
        : base(Kind, TypeName, "A tool, technology or platform that roles use, such as TensorFlow or AWS.")
    {
        RoleLinks<RoleToolType>("roles", "The roles that use this tool, with importance; most important first, then by name.", RelationKind.Uses, LinkDirection.Incoming);
        LinkedNodes<SkillType>("supports", "The skills this tool supports (Tool -SUPPORTS-> Skill), by name.", RelationKind.Supports, LinkDirection.Outgoing);
        LinkedNodes<CategoryType>("categories", "The categories this tool is in, by name.", RelationKind.InCategory, LinkDirection.Outgoing);
    }
}
