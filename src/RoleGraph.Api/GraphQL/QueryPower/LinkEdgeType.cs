using System.Diagnostics.CodeAnalysis;
using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.Paging;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class LinkEdgeType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType> : ObjectGraphType<LinkEdge>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public LinkEdgeType()
    {
        Name = $"{TNodeType.TypeName}LinkEdge";
        Description = $"A link to a {TNodeType.TypeName.ToLowerInvariant()} in a connection, with the link's weights.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The node at the far end of the link.").Resolve(c => c.Source.Linked.Node);
        Field<FloatGraphType>("importance").Description("The link's importance, 0..1; null where the taxonomy does not say.").Resolve(c => c.Source.Linked.Link.Importance);
        Field<FloatGraphType>("level").Description("The link's level, 0..1; null where the taxonomy does not say.").Resolve(c => c.Source.Linked.Link.Level);
    }
}
