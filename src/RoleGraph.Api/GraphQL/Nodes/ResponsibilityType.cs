using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Model;
using RoleGraph.Core.Store;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class ResponsibilityType : NodeGraphType, IListedNodeType
{
    public static string TypeName => "Responsibility";

    public static string ListName => "Responsibilities";

    public static NodeKind Kind => NodeKind.Responsibility;

    public ResponsibilityType()
        : base(Kind, TypeName, "A task or duty that roles are responsible for.")
    {
        LinkedNodes<RoleType>("roles", "The roles responsible for this, by name.", RelationKind.ResponsibleFor, LinkDirection.Incoming);
    }
}
