using GraphQL.Types;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class TopItemsType : ObjectGraphType<TopItems>
{
    public TopItemsType()
    {
        Name = "TopItems";
        Description = "Facets over a set of roles: how many roles matched and the items most of them hold.";
        Field<NonNullGraphType<IntGraphType>>("roleCount").Description("How many roles matched.").Resolve(c => c.Source.RoleCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemFacetType>>>>("items")
            .Description("The items held by most of the matching roles, most held first, then by mean importance (1 where absent), then by name.")
            .Resolve(c => c.Source.Items);
    }
}
