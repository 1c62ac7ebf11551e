using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using RoleGraph.Api.GraphQL.Nodes;
using RoleGraph.Api.GraphQL.Paging;
using RoleGraph.Core.Queries;

namespace RoleGraph.Api.GraphQL.QueryPower;

internal sealed class LinkConnectionType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNodeType> : ObjectGraphType<LinkPage>
    where TNodeType : NodeGraphType, IListedNodeType
{
    public LinkConnectionType()
    {
        Name = $"{TNodeType.TypeName}LinksConnection";
        Description = $"A page of a node's links to {TNodeType.ListName.ToLowerInvariant()}, with the count and weight statistics of the whole filtered list.";
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Information to aid in pagination.")
            .Resolve(c => new NodePage(c.Source.Items.Select(i => i.Node).ToArray(), c.Source.StartOffset, c.Source.TotalCount, c.Source.HasPreviousPage, c.Source.HasNextPage));
        Field<ListGraphType<NonNullGraphType<LinkEdgeType<TNodeType>>>>("edges")
            .Description("A list of edges: the links with their weights.")
            .WithComplexityImpact(PageImpact)
            .Resolve(c => c.Source.Items.Select((linked, i) => new LinkEdge(Cursor.Encode(c.Source.StartOffset + i), linked)));
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.")
            .WithComplexityImpact(PageImpact)
            .Resolve(c => c.Source.Items.Select(i => i.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many links match the filter (all links without one).").Resolve(c => c.Source.TotalCount);
        Field<NumberStatsType>("importance").Description("Importance over every matching link, not only this page; null when none carries one.").Resolve(c => c.Source.Importance);
        Field<NumberStatsType>("level").Description("Level over every matching link, not only this page; null when none carries one.").Resolve(c => c.Source.Level);
    }

    /// <summary>A page holds `first` or `last` items, or the default page size: what the cost analyzer multiplies by.</summary>
    private static FieldComplexityResult PageImpact(FieldImpactContext context)
    {
        var parent = context.Parent;
        var size = parent?.GetArgument<int?>("first") ?? parent?.GetArgument<int?>("last") ?? PageRequest.DefaultPageSize;
        return new FieldComplexityResult(context.Configuration.DefaultObjectImpact, Math.Max(size, 1));
    }
}
