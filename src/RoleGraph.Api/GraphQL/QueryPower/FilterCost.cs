using GraphQL.Validation.Complexity;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

/// <summary>
/// What a filter adds to the estimated cost of the list it filters: one per condition, and per link condition the
/// conditions of its link filters, so a request cannot hide unbounded work in a large `where`.
/// </summary>
internal static class FilterCost
{
    /// <summary>A list field's impact: one object plus its filter's conditions; its children count its page as before.</summary>
    public static FieldComplexityResult OfList(FieldImpactContext context) =>
        new(context.Configuration.DefaultObjectImpact + Of(context.GetArgument<NodeFilter?>("where")), 1);

    public static int Of(NodeFilter? filter) =>
        filter is null
            ? 0
            : (filter.Id is null ? 0 : 1) + (filter.Name is null ? 0 : 1) + (filter.Properties is null ? 0 : 1)
                + (filter.Links?.Sum(l => 1 + Of(l.Filter.Some) + Of(l.Filter.All) + Of(l.Filter.None)) ?? 0)
                + (filter.And?.Sum(Of) ?? 0) + (filter.Or?.Sum(Of) ?? 0) + Of(filter.Not);

    public static int Of(LinkFilter? filter) =>
        filter is null
            ? 0
            : (filter.Id is null ? 0 : 1) + (filter.Name is null ? 0 : 1) + (filter.Importance is null ? 0 : 1) + (filter.Level is null ? 0 : 1)
                + (filter.And?.Sum(Of) ?? 0) + (filter.Or?.Sum(Of) ?? 0) + Of(filter.Not);
}
