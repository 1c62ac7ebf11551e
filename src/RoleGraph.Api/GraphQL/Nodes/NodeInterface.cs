using GraphQL.Types;
using RoleGraph.Core.Model;

namespace RoleGraph.Api.GraphQL.Nodes;

internal sealed class NodeInterface : InterfaceGraphType<GraphNode>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Any node of the role graph: a Role, Skill, Tool, Responsibility or Category.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's id: a readable slug, unique across the whole graph (e.g. `python`).");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The node's display name.");
    }
}
