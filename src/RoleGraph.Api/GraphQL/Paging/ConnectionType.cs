using System.Diagnostics.CodeAnalysis;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.Paging;

internal sealed class ConnectionType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType> : ObjectGraphType<NodePage>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public ConnectionType()
    {
        Name = $"{TNodeType.ListName}Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source);
        Field<ListGraphType<NonNullGraphType<EdgeType<TNodeType>>>>("edges")
            .Description("A list of edges.")
            .Resolve(c => c.Source.Nodes.Select((node, i) => new NodeEdge(Cursor.Encode(c.Source.StartOffset + i), node)));
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Identifies the total count of items in the connection.").Resolve(c => c.Source.TotalCount);
    }
}
