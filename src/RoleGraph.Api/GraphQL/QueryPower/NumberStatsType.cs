using GraphQL.Types;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class NumberStatsType : ObjectGraphType<NumberStats>
{
    public NumberStatsType()
    {
        Name = "NumberStats";
        Description = "Statistics of a number (importance, level) over a set of links, counting only the links that carry it.";
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many links carry the number.").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<FloatGraphType>>("min").Description("The least value.").Resolve(c => c.Source.Min);
        Field<NonNullGraphType<FloatGraphType>>("max").Description("The greatest value.").Resolve(c => c.Source.Max);
        Field<NonNullGraphType<FloatGraphType>>("avg").Description("The mean value.").Resolve(c => c.Source.Average);
    }
}
