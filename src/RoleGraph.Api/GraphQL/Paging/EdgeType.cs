using System.Diagnostics.CodeAnalysis;
using RoleGraph.Api.GraphQL.Plans;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class EdgeType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType> : ObjectGraphType<NodeEdge>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public EdgeType()
    {
        Name = $"{TNodeType.ListName}Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").PlainAccessor(e => e.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").PlainAccessor(e => e.Node);
    }
}
