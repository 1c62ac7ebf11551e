using GraphQL.Types;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class ItemFacetType : ObjectGraphType<ItemFacet>
{
    public ItemFacetType()
    {
        Name = "ItemFacet";
        Description = "An item (skill, tool or responsibility) held by some of the matching roles.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The item.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("roleCount").Description("How many of the matching roles hold it.").Resolve(c => c.Source.RoleCount);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("roleCount as a share of the matching roles, 0..1.").Resolve(c => c.Source.Share);
        Field<NumberStatsType>("importance").Description("The importance of its links from those roles; null when none carries one.").Resolve(c => c.Source.Importance);
    }
}
